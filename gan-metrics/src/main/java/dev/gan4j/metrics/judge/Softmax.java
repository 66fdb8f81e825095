package dev.gan4j.metrics.judge;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Softmax cross-entropy on logits, computed on the host in double precision (a batch is a few thousand values). */
final class Softmax {
    private Softmax() {
    }

    static INDArray probabilities(INDArray logits) {
        int n = (int) logits.size(0);
        int c = (int) logits.size(1);
        double[][] z = logits.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] p = new double[n][c];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                p[i][j] = Math.exp(z[i][j] - max);
                sum += p[i][j];
            }
            for (int j = 0; j < c; j++) {
                p[i][j] /= sum;
            }
        }
        return Nd4j.create(p).castTo(DataType.FLOAT);
    }

    static int[] argmax(INDArray probabilities) {
        double[][] p = probabilities.castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] classes = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int j = 1; j < p[i].length; j++) {
                if (p[i][j] > p[i][best]) {
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    /**
     * Mean cross-entropy of {@code labels} under softmax({@code logits}), and its gradient with respect to the
     * logits summed over examples (softmax - one-hot): what {@code TrainableNetwork.backward} expects.
     */
    static double lossAndGradient(INDArray logits, int[] labels, INDArray gradient) {
        INDArray p = probabilities(logits);
        double[][] probs = p.castTo(DataType.DOUBLE).toDoubleMatrix();
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            loss -= Math.log(Math.max(probs[i][labels[i]], 1e-12));
            probs[i][labels[i]] -= 1;
        }
        gradient.assign(Nd4j.create(probs).castTo(gradient.dataType()));
        return loss / labels.length;
    }
}
