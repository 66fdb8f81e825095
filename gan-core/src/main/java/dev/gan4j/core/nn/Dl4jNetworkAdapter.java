package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * What the {@link MultiLayerNetworkAdapter} and the {@link ComputationGraphAdapter} share: the views
 * between the framework's shapes and the network's, the sum of the gradients of several backward passes
 * (DL4J overwrites its gradient buffer on each pass, while D is trained on real and generated examples),
 * the update through the network's own updater, and the checkpointed state. Subclasses supply the
 * passes of their DL4J model type.
 */
abstract sealed class Dl4jNetworkAdapter implements TrainableNetwork permits MultiLayerNetworkAdapter, ComputationGraphAdapter {
    private final int stateMagic;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Shape netInputShape;
    private final Shape netOutputShape;
    private final GradientSum accumulated = new GradientSum();
    private Gradient lastGradient;

    /**
     * @param stateMagic     tag of this adapter's checkpoint state, so a graph's state is not read into a network
     * @param inputShape     per-example input shape seen by the framework
     * @param netInputShape  per-example input shape the network expects (same size; e.g. flattened)
     * @param netOutputShape per-example output shape the network produces
     * @param outputShape    per-example output shape seen by the framework (same size)
     */
    Dl4jNetworkAdapter(int stateMagic, Shape inputShape, Shape netInputShape, Shape netOutputShape, Shape outputShape) {
        this.stateMagic = stateMagic;
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
    }

    /** The network's output for input already in its own shape; a training-mode pass keeps what backward needs. */
    abstract INDArray run(INDArray input, boolean training);

    /**
     * Back-propagates a gradient of the network's output (in its own shape) through the last
     * training-mode pass, leaving the parameter gradient in {@link #flattenedGradients}.
     */
    abstract Backward backpropagate(INDArray outputGradient);

    /** One backward pass: the parameter gradient as DL4J's updater takes it, and the input gradient (null where there is none). */
    record Backward(Gradient parameterGradient, INDArray inputGradient) {
    }

    abstract INDArray flattenedGradients();

    abstract INDArray params();

    abstract INDArray updaterState();

    abstract Layer[] layers();

    abstract int iterationCount();

    abstract int epochCount();

    abstract void setCounts(int iteration, int epoch);

    /** Turns the gradient in {@link #flattenedGradients} into this step's update, in place. */
    abstract void computeUpdate(Gradient gradient, int iteration, int epoch, int batchSize);

    abstract void applyConstraints(int iteration, int epoch);

    @Override
    public final INDArray forward(INDArray input, boolean training) {
        return view(run(view(input, netInputShape), training), outputShape);
    }

    @Override
    public final INDArray backward(INDArray outputGradient) {
        INDArray inputGradient = inputGradient(outputGradient);
        accumulated.add(flattenedGradients());
        return inputGradient;
    }

    @Override
    public final INDArray inputGradient(INDArray outputGradient) {
        Backward result = backpropagate(view(outputGradient, netOutputShape));
        lastGradient = result.parameterGradient();
        return result.inputGradient() == null ? null : view(result.inputGradient(), inputShape);
    }

    @Override
    public final void accumulateGradient(INDArray outputGradient) {
        backward(outputGradient);
    }

    @Override
    public final void applyGradients(int batchSize) {
        INDArray flat = flattenedGradients();
        accumulated.moveTo(flat);
        int iteration = iterationCount();
        int epoch = epochCount();
        computeUpdate(lastGradient, iteration, epoch, batchSize);
        INDArray params = params();
        params.subi(flat.reshape(params.shape()));
        setCounts(iteration + 1, epoch);
        applyConstraints(iteration, epoch);
    }

    @Override
    public final void discardGradients() {
        accumulated.clear();
    }

    @Override
    public final INDArray accumulatedGradient() {
        return accumulated.copy();
    }

    @Override
    public final boolean couplesExamples() {
        return Arrays.stream(layers()).anyMatch(layer -> layer instanceof BatchNormalization);
    }

    /** DL4J draws dropout masks and weight noise anew at every training-mode pass; dropout that keeps everything draws nothing. */
    @Override
    public final boolean isStochastic() {
        return Arrays.stream(layers()).map(layer -> layer.conf() == null ? null : layer.conf().getLayer())
                .anyMatch(conf -> conf != null && (dropsOut(conf.getIDropout())
                        || conf instanceof BaseLayer base && base.getWeightNoise() != null));
    }

    private static boolean dropsOut(IDropout dropout) {
        return dropout != null && !(dropout instanceof Dropout plain && plain.getP() >= 1);
    }

    @Override
    public final long updateCount() {
        return iterationCount();
    }

    @Override
    public final long parameterCount() {
        return params().length();
    }

    @Override
    public final INDArray parameters() {
        return params().dup();
    }

    @Override
    public final void setParameters(INDArray flat) {
        GradientSum.setParameters(params(), flat);
    }

    /** DL4J keeps batch normalization's running statistics among the parameters, with no updater: those stay. */
    @Override
    public final void clipParameters(double limit) {
        for (Layer layer : layers()) {
            var conf = layer.conf() == null ? null : layer.conf().getLayer();
            layer.paramTable().forEach((name, values) -> {
                if (conf == null || !(conf.getUpdaterByParam(name) instanceof NoOp)) {
                    Transforms.min(Transforms.max(values, -limit, false), limit, false);
                }
            });
        }
    }

    @Override
    public final void writeState(DataOutputStream out) throws IOException {
        NetworkStates.write(out, stateMagic, iterationCount(), epochCount(), params(), updaterState());
    }

    @Override
    public final void readState(DataInputStream in) throws IOException {
        NetworkStates.Saved saved = NetworkStates.read(in, stateMagic, 2);
        INDArray updaterState = updaterState();
        NetworkStates.requireFits(saved.arrays().get(0), params(), "parameters");
        NetworkStates.requireFits(saved.arrays().get(1), updaterState, "optimizer state");
        NetworkStates.assign(saved.arrays().get(0), params());
        NetworkStates.assign(saved.arrays().get(1), updaterState);
        setCounts(saved.iteration(), saved.epoch());
        accumulated.clear();
    }

    private static INDArray view(INDArray array, Shape shape) {
        long[] target = shape.withBatch(array.size(0));
        return Arrays.equals(array.shape(), target) ? array : array.reshape('c', target);
    }
}
