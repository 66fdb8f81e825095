package dev.gan4j.trainers;

/**
 * Binary cross-entropy on logits and its gradient, computed in double precision in a numerically
 * stable form: softplus(x) = max(x, 0) + log(1 + exp(-|x|)).
 */
public final class LogitLosses {
    private LogitLosses() {
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

    /** Cross-entropy of sigmoid(x) against a soft target t: t softplus(-x) + (1 - t) softplus(x). */
    public static double crossEntropy(double x, double target) {
        return target * softplus(-x) + (1 - target) * softplus(x);
    }

    /** -log(1 - sigmoid(x)): the loss of calling an example fake. */
    public static double lossFake(double x) {
        return softplus(x);
    }
}
