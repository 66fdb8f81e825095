package dev.gan4j.core.nn;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * A network that computes but never learns: backward passes yield input gradients only and applying
 * gradients does nothing, while its weights still go into checkpoints, so a rebuilt model computes the
 * same. A frozen encoder ({@code "trainable": false}) keeps its weights this way without the strategies
 * knowing; freezing by wrapping avoids DL4J's frozen layers, which break with batch norm (DL4J notes).
 */
public final class FrozenNetwork implements TrainableNetwork {
    private final TrainableNetwork network;

    public FrozenNetwork(TrainableNetwork network) {
        this.network = requireNonNull(network, "network is null");
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return network.forward(input, training);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return network.inputGradient(outputGradient);
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return network.inputGradient(outputGradient);
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

    @Override
    public boolean couplesExamples() {
        return network.couplesExamples();
    }

    @Override
    public void blendFrom(TrainableNetwork source, double weight) {
        network.blendFrom(source instanceof FrozenNetwork frozen ? frozen.network : source, weight);
    }

    @Override
    public long updateCount() {
        return network.updateCount();
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public INDArray parameters() {
        return network.parameters();
    }

    @Override
    public void setParameters(INDArray flat) {
        network.setParameters(flat);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        network.writeState(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        network.readState(in);
    }
}
