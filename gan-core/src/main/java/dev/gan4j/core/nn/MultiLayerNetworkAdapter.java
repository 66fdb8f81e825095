package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

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
public final class MultiLayerNetworkAdapter extends Dl4jNetworkAdapter {
    private static final int STATE_MAGIC = 0x47414E4E; // "GANN"

    private final MultiLayerNetwork net;

    /**
     * @param net            an initialised network
     * @param inputShape     per-example input shape seen by the framework
     * @param netInputShape  per-example input shape the network expects (same size; e.g. flattened)
     * @param netOutputShape per-example output shape the network produces
     * @param outputShape    per-example output shape seen by the framework (same size)
     */
    public MultiLayerNetworkAdapter(MultiLayerNetwork net, Shape inputShape, Shape netInputShape,
                                    Shape netOutputShape, Shape outputShape) {
        super(STATE_MAGIC, inputShape, netInputShape, netOutputShape, outputShape);
        this.net = requireNonNull(net, "net is null");
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
    INDArray run(INDArray input, boolean training) {
        if (!training) {
            return net.output(input, false);
        }
        net.setInput(input);
        List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    @Override
    Backward backpropagate(INDArray outputGradient) {
        if (net.getInput() == null) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        Pair<Gradient, INDArray> result = net.backpropGradient(outputGradient, LayerWorkspaceMgr.noWorkspaces());
        return new Backward(result.getFirst(), result.getSecond());
    }

    @Override
    INDArray flattenedGradients() {
        return net.getFlattenedGradients();
    }

    @Override
    INDArray params() {
        return net.params();
    }

    @Override
    INDArray updaterState() {
        return ((MultiLayerUpdater) net.getUpdater()).getStateViewArray();
    }

    @Override
    Layer[] layers() {
        return net.getLayers();
    }

    @Override
    int iterationCount() {
        return net.getIterationCount();
    }

    @Override
    int epochCount() {
        return net.getEpochCount();
    }

    @Override
    void setCounts(int iteration, int epoch) {
        net.setIterationCount(iteration);
        net.setEpochCount(epoch);
    }

    @Override
    void computeUpdate(Gradient gradient, int iteration, int epoch, int batchSize) {
        net.getUpdater().update(net, gradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
    }

    @Override
    void applyConstraints(int iteration, int epoch) {
        net.applyConstraints(iteration, epoch);
    }
}
