package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs any DL4J {@link MultiLayerNetwork} as a {@link TrainableNetwork}, which is how users bring
 * their own DL4J networks as generators or discriminators.
 *
 * <p>The network's last layer must not be an output layer: the strategy computes the loss and hands
 * its gradient to {@link #backward}. Gradients of several backward passes (D on real, then on fake
 * examples) are summed here because DL4J overwrites its gradient buffer on each pass; the network's
 * own updater applies the sum.
 */
public final class MultiLayerNetworkAdapter implements TrainableNetwork {
    private static final int STATE_MAGIC = 0x47414E4E; // "GANN"

    private final MultiLayerNetwork net;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Shape netInputShape;
    private final Shape netOutputShape;
    private final GradientSum accumulated = new GradientSum();
    private Gradient lastGradient;

    /**
     * @param net            an initialised network
     * @param inputShape     per-example input shape seen by the framework
     * @param netInputShape  per-example input shape the network expects (same size; e.g. flattened)
     * @param netOutputShape per-example output shape the network produces
     * @param outputShape    per-example output shape seen by the framework (same size)
     */
    public MultiLayerNetworkAdapter(MultiLayerNetwork net, Shape inputShape, Shape netInputShape,
                                    Shape netOutputShape, Shape outputShape) {
        this.net = requireNonNull(net, "net is null");
        this.inputShape = requireNonNull(inputShape, "inputShape is null");
        this.outputShape = requireNonNull(outputShape, "outputShape is null");
        this.netInputShape = requireNonNull(netInputShape, "netInputShape is null");
        this.netOutputShape = requireNonNull(netOutputShape, "netOutputShape is null");
        if (inputShape.size() != netInputShape.size()) {
            throw new IllegalArgumentException("input shape " + inputShape + " cannot be viewed as " + netInputShape);
        }
        if (outputShape.size() != netOutputShape.size()) {
            throw new IllegalArgumentException("output shape " + outputShape + " cannot be viewed as " + netOutputShape);
        }
        if (net.getLayerWiseConfigurations() == null || net.params() == null) {
            throw new IllegalArgumentException("the network must be initialised (call init()) before adapting it");
        }
    }

    /** Adapter for a network whose input and output shapes are the ones the framework uses. */
    public MultiLayerNetworkAdapter(MultiLayerNetwork net, Shape inputShape, Shape outputShape) {
        this(net, inputShape, inputShape, outputShape, outputShape);
    }

    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray in = view(input, netInputShape);
        INDArray out;
        if (training) {
            net.setInput(in);
            List<INDArray> activations = net.feedForward(true, false);
            out = activations.get(activations.size() - 1);
        } else {
            out = net.output(in, false);
        }
        return view(out, outputShape);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        INDArray inputGradient = backpropagate(outputGradient);
        accumulated.add(net.getFlattenedGradients());
        return inputGradient;
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return backpropagate(outputGradient);
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        backward(outputGradient);
    }

    private INDArray backpropagate(INDArray outputGradient) {
        if (net.getInput() == null) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        Pair<Gradient, INDArray> result = net.backpropGradient(view(outputGradient, netOutputShape),
                LayerWorkspaceMgr.noWorkspaces());
        lastGradient = result.getFirst();
        return view(result.getSecond(), inputShape);
    }

    @Override
    public void applyGradients(int batchSize) {
        INDArray flat = net.getFlattenedGradients();
        accumulated.moveTo(flat);
        int iteration = net.getIterationCount();
        int epoch = net.getEpochCount();
        net.getUpdater().update(net, lastGradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
        INDArray params = net.params();
        params.subi(flat.reshape(params.shape()));
        net.setIterationCount(iteration + 1);
        net.applyConstraints(iteration, epoch);
    }

    @Override
    public void discardGradients() {
        accumulated.clear();
    }

    @Override
    public INDArray accumulatedGradient() {
        return accumulated.copy();
    }

    @Override
    public boolean couplesExamples() {
        return Arrays.stream(net.getLayers()).anyMatch(layer -> layer instanceof BatchNormalization);
    }

    @Override
    public long updateCount() {
        return net.getIterationCount();
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public INDArray parameters() {
        return net.params().dup();
    }

    @Override
    public void setParameters(INDArray flat) {
        GradientSum.setParameters(net.params(), flat);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        NetworkStates.write(out, STATE_MAGIC, net.getIterationCount(), net.getEpochCount(), net.params(), updaterState());
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        NetworkStates.Saved saved = NetworkStates.read(in, STATE_MAGIC, 2);
        NetworkStates.requireFits(saved.arrays().get(0), net.params(), "parameters");
        NetworkStates.requireFits(saved.arrays().get(1), updaterState(), "optimizer state");
        NetworkStates.assign(saved.arrays().get(0), net.params());
        NetworkStates.assign(saved.arrays().get(1), updaterState());
        net.setIterationCount(saved.iteration());
        net.setEpochCount(saved.epoch());
        accumulated.clear();
    }

    private INDArray updaterState() {
        return ((MultiLayerUpdater) net.getUpdater()).getStateViewArray();
    }

    private static INDArray view(INDArray array, Shape shape) {
        long[] target = shape.withBatch(array.size(0));
        if (java.util.Arrays.equals(array.shape(), target)) {
            return array;
        }
        return array.reshape('c', target);
    }
}
