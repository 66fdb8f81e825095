package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A differentiable network with its own optimizer: the unit that strategies drive.
 *
 * <p>Adversarial training needs the gradient of D's judgement with respect to D's input, pushed
 * back through G (Goodfellow et al. 2014). A network therefore exposes {@link #backward}, which
 * returns the input gradient, and applies its accumulated parameter gradient only when asked, so
 * a strategy decides which network learns from which pass. No combined network, no frozen layers.
 */
public interface TrainableNetwork {
    /**
     * Runs the network. In training mode the activations are kept for one {@link #backward} call
     * and batch statistics are used; in inference mode, running statistics.
     *
     * <p>Fast implementations return a buffer they reuse: the result stays valid until the network's
     * next call with the same batch size and mode; {@code dup()} it to keep it longer. They may also keep a
     * reference to a training-mode pass's input, which must then not change until that pass's backward.
     *
     * @param input {@code [n, ...inputShape]}
     * @return {@code [n, ...outputShape]}
     */
    INDArray forward(INDArray input, boolean training);

    /**
     * A training-mode forward of inputs close to those of the last training-mode {@link #forward}, through
     * the network as it was in that pass: piecewise-linear activations (ReLU, leaky ReLU) keep that pass's
     * pattern, and running estimates (batch statistics, spectral-norm vectors) do not move. Around that
     * pass the network then is what its gradients describe, so central differences of parameter gradients
     * give exact Hessian-vector products where a kink between the two evaluation points would spoil them
     * (gradient penalties rely on it). {@link #backward} and its variants then refer to this pass.
     *
     * <p>The default runs a plain training-mode forward, exact only while no kink lies between the points.
     */
    default INDArray forwardNear(INDArray input) {
        return forward(input, true);
    }

    /**
     * Back-propagates {@code outputGradient}, d(sum of per-example losses)/d(output) of the last
     * training-mode {@link #forward}, adds the parameter gradient to this network's accumulator and
     * returns d(loss)/d(input).
     */
    INDArray backward(INDArray outputGradient);

    /**
     * Like {@link #backward} but leaves the parameter gradient alone: the input gradient is all that
     * is needed of D while G learns through it.
     */
    INDArray inputGradient(INDArray outputGradient);

    /** Like {@link #backward} but only accumulates the parameter gradient; the input gradient is not needed. */
    void accumulateGradient(INDArray outputGradient);

    /**
     * Applies the accumulated parameter gradient with this network's optimizer and clears the
     * accumulator. The optimizer divides by {@code batchSize}, turning summed per-example
     * gradients into the gradient of the mean loss.
     */
    void applyGradients(int batchSize);

    /** Drops the accumulated parameter gradient without applying it. */
    void discardGradients();

    /**
     * A copy of the parameter gradient accumulated since the last {@link #applyGradients} or
     * {@link #discardGradients}, flattened like {@link #parameters()}; {@code null} when there is none.
     */
    INDArray accumulatedGradient();

    /**
     * Whether an example's output depends on the other examples of its batch in training mode (batch
     * normalisation). Per-example input gradients, which gradient penalties need, exist only when not.
     */
    default boolean couplesExamples() {
        return false;
    }

    /**
     * Whether a training-mode forward draws random numbers (dropout, weight noise), so that two passes over one
     * input differ. Gradient penalties difference such passes ({@link #forwardNear}) and need it false.
     */
    default boolean isStochastic() {
        return false;
    }

    /**
     * Clamps every trainable parameter to {@code [-limit, limit]}: the weight clipping that keeps a Wasserstein
     * critic Lipschitz (Arjovsky et al. 2017). What a network keeps without learning it, such as batch
     * normalization's running mean and variance, is not clipped: clamped to 0.01, a running variance would scale
     * every inference-mode output.
     */
    default void clipParameters(double limit) {
        setParameters(Transforms.min(Transforms.max(parameters(), -limit, false), limit, false));
    }

    /**
     * Moves this network towards {@code source}, a network of the same architecture:
     * {@code this = (1 - weight) * this + weight * source}, for parameters and non-trainable state
     * (batch-norm statistics) alike. Weight 1 copies. Moving averages of weights are built on it.
     */
    default void blendFrom(TrainableNetwork source, double weight) {
        INDArray mine = parameters();
        setParameters(mine.muli(1 - weight).addi(source.parameters().muli(weight)));
    }

    /** Number of optimizer steps applied so far. */
    long updateCount();

    long parameterCount();

    /** A copy of all parameters, flattened. */
    INDArray parameters();

    /** Replaces all parameters, flattened as by {@link #parameters()}. */
    void setParameters(INDArray flat);

    /** Writes parameters, optimizer state and update count. */
    void writeState(DataOutputStream out) throws IOException;

    /** Restores what {@link #writeState} wrote; fails when the architecture differs. */
    void readState(DataInputStream in) throws IOException;
}
