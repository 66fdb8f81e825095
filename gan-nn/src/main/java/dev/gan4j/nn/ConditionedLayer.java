package dev.gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Layer} that also reads the condition of each example: the last {@code conditionDim} columns of
 * the input of a network built with {@link FastNetwork.Builder#conditioned}. The network hands each such layer
 * the conditions before every forward and collects d(loss)/d(condition) after a backward that asks for the
 * input gradient, adding it to the condition columns of the network's input gradient.
 */
public interface ConditionedLayer extends Layer {
    /**
     * The conditions {@code [n, conditionDim]} of the next {@link #forward}; a contiguous buffer of the network
     * that stays unchanged until its next forward in the same mode.
     */
    void condition(INDArray conditions);

    /** Adds d(loss)/d(conditions) of the last {@link #backward} to {@code target}, {@code [n, conditionDim]}. */
    void addConditionGradient(INDArray target);
}
