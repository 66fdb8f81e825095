package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a {@link FastNetwork}: calls libnd4j ops directly on buffers it allocates once per
 * batch size, so a training step allocates almost nothing (DL4J's layer classes around the same ops
 * allocate per call and lose most of the ops' speed).
 *
 * <p>Arrays returned by {@link #forward} and {@link #backward} belong to the layer and are overwritten
 * by its next call with the same batch size; callers use them before that.
 */
interface FastLayer {
    Shape inputShape();

    Shape outputShape();

    /** Trainable parameters, updated by the optimizer. */
    long parameterCount();

    /** How {@link FastNetwork#profile()} names the layer. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The spectral normalization of the layer's weight, or {@code null} when it has none. */
    default SpectralNorm spectralNorm() {
        return null;
    }

    /** Whether an example's output depends on the other examples of the batch in training mode (batch statistics). */
    default boolean couplesExamples() {
        return false;
    }

    /** Non-trainable state saved with the parameters (batch-norm running statistics, spectral-norm vectors). */
    default long stateCount() {
        return 0;
    }

    /** Hands the layer its views into the network's flat parameter, gradient and state buffers. */
    void bind(INDArray parameters, INDArray gradients, INDArray state);

    /** Fills the bound parameters and state with their initial values (weights from N(0, std) drawn from {@code normal}). */
    void initialize(double weightStd, NormalSampler normal);

    INDArray forward(INDArray input, boolean training);

    /**
     * A training-mode forward through the layer as it was in the last training-mode {@link #forward}: a
     * piecewise-linear activation keeps that pass's pattern, running estimates do not move. See
     * {@link dev.gan4j.core.api.TrainableNetwork#forwardNear}.
     */
    default INDArray forwardNear(INDArray input) {
        return forward(input, true);
    }

    /**
     * Keeps what {@link #forwardNear} needs of the last training-mode forward, before any layer's
     * near pass overwrites the buffers it was computed from; later calls until the next forward do nothing.
     */
    default void freeze() {
    }

    /**
     * Back-propagates through the last training forward.
     *
     * @param parameterGradients write d(loss)/d(parameters) into the bound gradient views (overwriting)
     * @param inputGradient      compute and return d(loss)/d(input); otherwise the result may be {@code null}
     */
    INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient);
}
