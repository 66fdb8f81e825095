package dev.gan4j.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Cross-entropy losses on logits and their gradients, computed on the host in double precision in
 * numerically stable forms (softplus(x) = max(x, 0) + log(1 + exp(-|x|)); log-softmax by log-sum-exp
 * after subtracting the row maximum), so no loss turns infinite for large logit gaps. The adversarial
 * losses, the auxiliary classifier of ACGAN and the judges all score with these; a batch holds a few
 * thousand values at most, which the host handles faster than an op round trip.
 */
public final class LogitLosses {
    private LogitLosses() {
    }

    /** A batch loss summed over examples, and its gradient with respect to the logits ({@code DOUBLE}, logits' shape). */
    public record Loss(double sum, INDArray gradient) {
    }

    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** -log sigmoid(x): the loss of calling an example real. */
    public static double lossReal(double x) {
        return softplus(-x);
    }

    /** -log(1 - sigmoid(x)): the loss of calling an example fake. */
    public static double lossFake(double x) {
        return softplus(x);
    }

    /** Cross-entropy of sigmoid(x) against a soft target t: t softplus(-x) + (1 - t) softplus(x). */
    public static double crossEntropy(double x, double target) {
        return target * softplus(-x) + (1 - target) * softplus(x);
    }

    /** Row-wise softmax of {@code [n, k]} logits, in double precision. */
    public static INDArray softmax(INDArray logits) {
        double[][] z = matrix(logits);
        for (double[] row : z) {
            toProbabilities(row);
        }
        return Nd4j.create(z);
    }

    /**
     * Softmax cross-entropy of {@code [n, k]} logits against one class label per row, summed over rows;
     * the gradient is softmax - one-hot.
     *
     * @throws IllegalArgumentException for a label outside [0, k) or a label count that is not n
     */
    public static Loss softmaxCrossEntropy(INDArray logits, int[] labels) {
        double[][] z = matrix(logits);
        if (labels.length != z.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + z.length + " rows of logits");
        }
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double[] row = z[i];
            if (labels[i] < 0 || labels[i] >= row.length) {
                throw new IllegalArgumentException("class label " + labels[i] + " outside the " + row.length + " classes");
            }
            double labelLogit = row[labels[i]];
            loss += toProbabilities(row) - labelLogit;
            row[labels[i]] -= 1;
        }
        return new Loss(loss, Nd4j.create(z));
    }

    /**
     * Binary cross-entropy of independent sigmoid outputs against targets in [0, 1] of the same shape (multi-hot
     * tag sets), summed over every entry; the gradient is sigmoid - target.
     */
    public static Loss sigmoidCrossEntropy(INDArray logits, INDArray targets) {
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("logits " + Arrays.toString(logits.shape()) + " but targets "
                    + Arrays.toString(targets.shape()));
        }
        double[] s = values(logits);
        double[] t = values(targets);
        double[] gradient = new double[s.length];
        double loss = 0;
        for (int i = 0; i < s.length; i++) {
            loss += crossEntropy(s[i], t[i]);
            gradient[i] = sigmoid(s[i]) - t[i];
        }
        return new Loss(loss, Nd4j.create(gradient, logits.shape(), 'c'));
    }

    /**
     * Replaces a row of logits by its softmax, computed after subtracting the row's maximum so no exponential
     * overflows; returns log(sum(exp(logits))), the log-partition a cross-entropy needs.
     */
    private static double toProbabilities(double[] row) {
        double max = Arrays.stream(row).max().orElse(0);
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            row[j] = Math.exp(row[j] - max);
            sum += row[j];
        }
        for (int j = 0; j < row.length; j++) {
            row[j] /= sum;
        }
        return max + Math.log(sum);
    }

    /** The entries in row-major order. */
    private static double[] values(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static double[][] matrix(INDArray logits) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("logits must be [examples, classes], found " + Arrays.toString(logits.shape()));
        }
        return logits.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
