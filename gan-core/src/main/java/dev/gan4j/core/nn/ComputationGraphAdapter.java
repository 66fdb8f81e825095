package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

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
public final class ComputationGraphAdapter extends Dl4jNetworkAdapter {
    private static final int STATE_MAGIC = 0x47414E43; // "GANC"

    private final InputGradientGraph graph;
    private boolean trainingForward;

    /**
     * @param source an initialised graph; its configuration and parameters are copied, its optimizer
     *               state is not
     */
    public ComputationGraphAdapter(ComputationGraph source, Shape inputShape, Shape graphInputShape,
                                   Shape graphOutputShape, Shape outputShape) {
        super(STATE_MAGIC, inputShape, graphInputShape, graphOutputShape, outputShape);
        requireNonNull(source, "source is null");
        if (source.params() == null) {
            throw new IllegalArgumentException("the graph must be initialised (call init()) before adapting it");
        }
        ComputationGraphConfiguration conf = source.getConfiguration().clone();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("a generator or discriminator graph needs one input and one output, found "
                    + conf.getNetworkInputs() + " and " + conf.getNetworkOutputs());
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
    INDArray run(INDArray input, boolean training) {
        trainingForward = training;
        if (!training) {
            return graph.outputSingle(false, input);
        }
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {input}, true, false);
        return activations.get(graph.getConfiguration().getNetworkOutputs().get(0));
    }

    @Override
    Backward backpropagate(INDArray outputGradient) {
        if (!trainingForward) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        Gradient gradient = graph.backpropagate(outputGradient);
        return new Backward(gradient, graph.inputEpsilon());
    }

    @Override
    INDArray flattenedGradients() {
        return graph.getFlattenedGradients();
    }

    @Override
    INDArray params() {
        return graph.params();
    }

    @Override
    INDArray updaterState() {
        return graph.getUpdater().getStateViewArray();
    }

    @Override
    Layer[] layers() {
        return graph.getLayers();
    }

    @Override
    int iterationCount() {
        return graph.getIterationCount();
    }

    @Override
    int epochCount() {
        return graph.getEpochCount();
    }

    @Override
    void setCounts(int iteration, int epoch) {
        graph.getConfiguration().setIterationCount(iteration);
        graph.getConfiguration().setEpochCount(epoch);
    }

    @Override
    void computeUpdate(Gradient gradient, int iteration, int epoch, int batchSize) {
        graph.getUpdater().update(gradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
    }

    @Override
    void applyConstraints(int iteration, int epoch) {
        graph.applyConstraints(iteration, epoch);
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
