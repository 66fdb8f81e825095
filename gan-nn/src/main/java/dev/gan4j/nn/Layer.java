package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * One layer of a {@link FastNetwork}, the runtime's layer SPI: built-in layers and a plugin's own layers implement it
 * alike, and {@link FastNetwork.Builder#add} puts either into a network or a block. A layer calls libnd4j ops directly
 * on buffers it allocates once per batch size (see {@link Buffers}), so a training step allocates almost nothing
 * (DL4J's layer classes around the same ops allocate per call and lose most of the ops' speed).
 *
 * <p>The network owns one flat vector each of parameters, parameter gradients and non-trainable state; {@link #bind}
 * hands a layer its stretch of each. Arrays returned by {@link #forward} and {@link #backward} belong to the layer
 * and are overwritten by its next call with the same batch size; callers use them before that. A training-mode
 * forward may keep a reference to its input, which the caller leaves unchanged until the backward pass that follows.
 *
 * <p>A block (a layer made of layers, such as {@link FastNetwork.Builder#residual}) lists them in {@link #children}:
 * the network reaches conditioned layers ({@link ConditionedLayer}), spectral normalizations and {@link #freeze}
 * through that list at any depth, so a block only binds, runs and back-propagates its children.
 */
public interface Layer {
    Shape inputShape();

    Shape outputShape();

    /** Trainable parameters, updated by the optimizer; a block counts its children's. */
    long parameterCount();

    /** Non-trainable state saved with the parameters (batch-norm running statistics, spectral-norm vectors). */
    default long stateCount() {
        return 0;
    }

    /** How {@link FastNetwork#profile()} names the layer. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The layers this one is made of, in the order their parameters are bound; empty for a plain layer. */
    default List<Layer> children() {
        return List.of();
    }

    /** The spectral normalization of the layer's own weight, or {@code null} when it has none. */
    default SpectralNorm spectralNorm() {
        return null;
    }

    /** Whether an example's output depends on the other examples of the batch in training mode (batch statistics). */
    default boolean couplesExamples() {
        return children().stream().anyMatch(Layer::couplesExamples);
    }

    /** Hands the layer its views into the network's flat parameter, gradient and state buffers ({@code null} when its count is 0). */
    void bind(INDArray parameters, INDArray gradients, INDArray state);

    /** Fills the bound parameters and state with their initial values (weights from N(0, std) drawn from {@code normal}). */
    void initialize(double weightStd, NormalSampler normal);

    INDArray forward(INDArray input, boolean training);

    /**
     * A training-mode forward through the layer as it was in the last training-mode {@link #forward}: a
     * piecewise-linear activation keeps that pass's pattern, running estimates do not move. See
     * {@link dev.gan4j.core.api.TrainableNetwork#forwardNear}. A later {@link #backward} goes through this pass.
     */
    default INDArray forwardNear(INDArray input) {
        return forward(input, true);
    }

    /**
     * Keeps what {@link #forwardNear} needs of the last training-mode forward, before any layer's near pass
     * overwrites the buffers it was computed from; later calls until the next forward do nothing. The network
     * calls it on every layer, children included, so a block need not pass it on.
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
