package dev.gan4j.core.nn;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * A {@link TrainableNetwork} that hands every call to another one; wrappers that change one behaviour
 * (freezing, recording) extend it and override only that, so a method added to the interface later is
 * forwarded everywhere at once rather than silently falling back to its default in some wrapper.
 */
public abstract class ForwardingNetwork implements TrainableNetwork {
    private final TrainableNetwork delegate;

    protected ForwardingNetwork(TrainableNetwork delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** The wrapped network. */
    public final TrainableNetwork delegate() {
        return delegate;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return delegate.forward(input, training);
    }

    @Override
    public INDArray forwardNear(INDArray input) {
        return delegate.forwardNear(input);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return delegate.backward(outputGradient);
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return delegate.inputGradient(outputGradient);
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        delegate.accumulateGradient(outputGradient);
    }

    @Override
    public void applyGradients(int batchSize) {
        delegate.applyGradients(batchSize);
    }

    @Override
    public void discardGradients() {
        delegate.discardGradients();
    }

    @Override
    public INDArray accumulatedGradient() {
        return delegate.accumulatedGradient();
    }

    @Override
    public boolean couplesExamples() {
        return delegate.couplesExamples();
    }

    @Override
    public boolean isStochastic() {
        return delegate.isStochastic();
    }

    /** Blends from the network a forwarding source wraps, so two wrappers of equal networks blend as those networks do. */
    @Override
    public void blendFrom(TrainableNetwork source, double weight) {
        delegate.blendFrom(source instanceof ForwardingNetwork forwarding ? forwarding.delegate : source, weight);
    }

    @Override
    public long updateCount() {
        return delegate.updateCount();
    }

    @Override
    public long parameterCount() {
        return delegate.parameterCount();
    }

    @Override
    public INDArray parameters() {
        return delegate.parameters();
    }

    @Override
    public void setParameters(INDArray flat) {
        delegate.setParameters(flat);
    }

    @Override
    public void clipParameters(double limit) {
        delegate.clipParameters(limit);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        delegate.writeState(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        delegate.readState(in);
    }
}
