package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A network that remembers the output gradients its parameters were asked to learn from. */
final class RecordingNetwork implements TrainableNetwork {
    final TrainableNetwork network;
    final List<INDArray> parameterGradients = new ArrayList<>();

    RecordingNetwork(TrainableNetwork network) {
        this.network = network;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return network.forward(input, training);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        parameterGradients.add(outputGradient.dup());
        return network.backward(outputGradient);
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return network.inputGradient(outputGradient);
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        parameterGradients.add(outputGradient.dup());
        network.accumulateGradient(outputGradient);
    }

    @Override
    public void applyGradients(int batchSize) {
        network.applyGradients(batchSize);
    }

    @Override
    public void discardGradients() {
        network.discardGradients();
    }

    @Override
    public INDArray accumulatedGradient() {
        return network.accumulatedGradient();
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
