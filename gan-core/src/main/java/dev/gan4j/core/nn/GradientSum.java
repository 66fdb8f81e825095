package dev.gan4j.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sum of a DL4J network's flattened gradients over several backward passes. DL4J overwrites its
 * gradient buffer on each pass, so D's real and fake passes must be added up outside it.
 */
final class GradientSum {
    private INDArray sum;

    void add(INDArray flat) {
        if (sum == null) {
            sum = flat.dup();
        } else {
            sum.addi(flat);
        }
    }

    /** Copies the sum into {@code target} (the network's gradient buffer) and empties it. */
    void moveTo(INDArray target) {
        if (sum == null) {
            throw new IllegalStateException("no gradient to apply: call backward first");
        }
        target.assign(sum);
        sum = null;
    }

    INDArray copy() {
        return sum == null ? null : sum.dup();
    }

    void clear() {
        sum = null;
    }

    /** Replaces all of a network's parameters, checking the count. */
    static void setParameters(INDArray parameters, INDArray flat) {
        if (flat.length() != parameters.length()) {
            throw new IllegalArgumentException("expected " + parameters.length() + " parameters, found " + flat.length());
        }
        parameters.assign(flat.reshape(parameters.shape()));
    }
}
