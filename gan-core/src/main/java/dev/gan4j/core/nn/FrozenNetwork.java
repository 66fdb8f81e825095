package dev.gan4j.core.nn;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network that computes but never learns: backward passes yield input gradients only and applying
 * gradients does nothing, while its weights still go into checkpoints, so a rebuilt model computes the
 * same. A frozen encoder ({@code "trainable": false}) keeps its weights this way without the strategies
 * knowing; freezing by wrapping avoids DL4J's frozen layers, which break with batch norm (DL4J notes).
 */
public final class FrozenNetwork extends ForwardingNetwork {
    public FrozenNetwork(TrainableNetwork network) {
        super(network);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return inputGradient(outputGradient);
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
    }

    @Override
    public void applyGradients(int batchSize) {
    }

    @Override
    public void discardGradients() {
    }

    @Override
    public INDArray accumulatedGradient() {
        return null;
    }
}
