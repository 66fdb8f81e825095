package dev.gan4j.metrics.judge;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Binary cross-entropy of independent sigmoid outputs against multi-hot targets: the loss of a multi-label judge. */
final class SigmoidCrossEntropy {
    private SigmoidCrossEntropy() {
    }

    /**
     * Mean over examples of the summed per-tag cross-entropy; writes d(sum of per-example losses)/d(logits)
     * into {@code gradient} (the optimizer divides by the batch size).
     */
    static double lossAndGradient(INDArray logits, INDArray targets, INDArray gradient) {
        double[] s = logits.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        double[] t = targets.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        if (s.length != t.length) {
            throw new IllegalArgumentException("logits " + java.util.Arrays.toString(logits.shape()) + " but targets "
                    + java.util.Arrays.toString(targets.shape()));
        }
        double[] g = new double[s.length];
        double loss = 0;
        for (int i = 0; i < s.length; i++) {
            loss += Math.max(s[i], 0) - s[i] * t[i] + Math.log1p(Math.exp(-Math.abs(s[i])));
            g[i] = 1 / (1 + Math.exp(-s[i])) - t[i];
        }
        gradient.assign(Nd4j.create(g, logits.shape(), 'c').castTo(gradient.dataType()));
        return loss / logits.size(0);
    }
}
