package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs a DL4J {@link ComputationGraph} with one input and one output as a {@link TrainableNetwork},
 * so users can bring graph-shaped generators and discriminators (residual blocks, skip connections).
 *
 * <p>DL4J's graph has no public input gradient: back-propagation leaves it as the epsilon of the input
 * vertex, which the public {@code backpropGradient} clears. The adapter therefore runs its own copy of
 * the graph (same configuration, workspaces off, the given parameters) whose backward pass keeps it.
 * The output vertex must not be an output layer: the strategy computes the loss.
 */
public final class ComputationGraphAdapter implements TrainableNetwork {
    private static final int STATE_MAGIC = 0x47414E43; // "GANC"

    private final InputGradientGraph graph;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Shape graphInputShape;
    private final Shape graphOutputShape;
    private final GradientSum accumulated = new GradientSum();
    private Gradient lastGradient;
    private boolean trainingForward;

    /**
     * @param source an initialised graph; its configuration and parameters are copied, its optimizer
     *               state is not
     */
    public ComputationGraphAdapter(ComputationGraph source, Shape inputShape, Shape graphInputShape,
                                   Shape graphOutputShape, Shape outputShape) {
        requireNonNull(source, "source is null");
        this.inputShape = requireNonNull(inputShape, "inputShape is null");
        this.outputShape = requireNonNull(outputShape, "outputShape is null");
        this.graphInputShape = requireNonNull(graphInputShape, "graphInputShape is null");
        this.graphOutputShape = requireNonNull(graphOutputShape, "graphOutputShape is null");
        if (source.params() == null) {
            throw new IllegalArgumentException("the graph must be initialised (call init()) before adapting it");
        }
        ComputationGraphConfiguration conf = source.getConfiguration().clone();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("a generator or discriminator graph needs one input and one output, found "
                    + conf.getNetworkInputs() + " and " + conf.getNetworkOutputs());
        }
        if (inputShape.size() != graphInputShape.size() || outputShape.size() != graphOutputShape.size()) {
            throw new IllegalArgumentException("shapes " + inputShape + " -> " + outputShape + " cannot be viewed as "
                    + graphInputShape + " -> " + graphOutputShape);
        }
        conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        this.graph = new InputGradientGraph(conf);
        graph.init(source.params().dup(), false);
        if (graph.getOutputLayer(0) instanceof IOutputLayer) {
            throw new IllegalArgumentException("the graph's output is an output layer (" + graph.getOutputLayer(0).getClass().getSimpleName()
                    + "); end it with a layer without a loss, the strategy computes the loss");
        }
    }

    public ComputationGraphAdapter(ComputationGraph source, Shape inputShape, Shape outputShape) {
        this(source, inputShape, inputShape, outputShape, outputShape);
    }

    /** The adapter's own copy of the graph. */
    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray in = view(input, graphInputShape);
        INDArray out;
        if (training) {
            Map<String, INDArray> activations = graph.feedForward(new INDArray[] {in}, true, false);
            out = activations.get(graph.getConfiguration().getNetworkOutputs().get(0));
        } else {
            out = graph.outputSingle(false, in);
        }
        trainingForward = training;
        return view(out, outputShape);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        INDArray inputGradient = backpropagate(outputGradient);
        accumulated.add(graph.getFlattenedGradients());
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
        if (!trainingForward) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        lastGradient = graph.backpropagate(view(outputGradient, graphOutputShape));
        INDArray epsilon = graph.inputEpsilon();
        return epsilon == null ? null : view(epsilon, inputShape);
    }

    @Override
    public void applyGradients(int batchSize) {
        INDArray flat = graph.getFlattenedGradients();
        accumulated.moveTo(flat);
        int iteration = graph.getIterationCount();
        int epoch = graph.getEpochCount();
        graph.getUpdater().update(lastGradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
        INDArray params = graph.params();
        params.subi(flat.reshape(params.shape()));
        graph.getConfiguration().setIterationCount(iteration + 1);
        graph.applyConstraints(iteration, epoch);
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
        return Arrays.stream(graph.getLayers()).anyMatch(layer -> layer instanceof BatchNormalization);
    }

    @Override
    public long updateCount() {
        return graph.getIterationCount();
    }

    @Override
    public long parameterCount() {
        return graph.numParams();
    }

    @Override
    public INDArray parameters() {
        return graph.params().dup();
    }

    @Override
    public void setParameters(INDArray flat) {
        GradientSum.setParameters(graph.params(), flat);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        NetworkStates.write(out, STATE_MAGIC, graph.getIterationCount(), graph.getEpochCount(), graph.params(),
                graph.getUpdater().getStateViewArray());
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        NetworkStates.Saved saved = NetworkStates.read(in, STATE_MAGIC, 2);
        INDArray updaterState = graph.getUpdater().getStateViewArray();
        NetworkStates.requireFits(saved.arrays().get(0), graph.params(), "parameters");
        NetworkStates.requireFits(saved.arrays().get(1), updaterState, "optimizer state");
        NetworkStates.assign(saved.arrays().get(0), graph.params());
        NetworkStates.assign(saved.arrays().get(1), updaterState);
        graph.getConfiguration().setIterationCount(saved.iteration());
        graph.getConfiguration().setEpochCount(saved.epoch());
        accumulated.clear();
    }

    private static INDArray view(INDArray array, Shape shape) {
        long[] target = shape.withBatch(array.size(0));
        return Arrays.equals(array.shape(), target) ? array : array.reshape('c', target);
    }

    /** A graph whose backward pass keeps the input vertex's epsilon: the gradient with respect to the input. */
    private static final class InputGradientGraph extends ComputationGraph {
        InputGradientGraph(ComputationGraphConfiguration configuration) {
            super(configuration);
        }

        Gradient backpropagate(INDArray epsilon) {
            calcBackpropGradients(false, false, epsilon);
            return gradient;
        }

        INDArray inputEpsilon() {
            for (GraphVertex vertex : getVertices()) {
                if (vertex.isInputVertex()) {
                    return vertex.getEpsilon();
                }
            }
            return null;
        }
    }
}
