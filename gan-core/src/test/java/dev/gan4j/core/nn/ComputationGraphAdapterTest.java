package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.TinyNetworks;
import dev.gan4j.core.testing.UpdateAssertions;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DoublePrecision.class)
class ComputationGraphAdapterTest {
    /** The chain of {@link TinyNetworks#dense} as a graph: Dense(4, 6, tanh), BN, Dense(6, 1). */
    private static ComputationGraph graph(IUpdater updater, boolean lossAtTheEnd) {
        ModelContext context = new ModelContext(Shape.vector(1), 0, 5, updater, DataType.DOUBLE);
        ComputationGraphConfiguration.GraphBuilder builder = Dl4jDefaults.builder(context).graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "dense")
                .addLayer("out", lossAtTheEnd
                        ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(6).nOut(1).activation(Activation.IDENTITY).build()
                        : new DenseLayer.Builder().nIn(6).nOut(1).activation(Activation.IDENTITY).build(), "bn")
                .setOutputs("out")
                .setInputTypes(InputType.feedForward(4));
        ComputationGraph graph = new ComputationGraph(builder.build());
        graph.init();
        return graph;
    }

    private static ComputationGraphAdapter adapter(IUpdater updater) {
        return new ComputationGraphAdapter(graph(updater, false), Shape.of(2, 2), Shape.vector(4), Shape.vector(1), Shape.vector(1));
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        ComputationGraphAdapter a = adapter(new Sgd(0.1));
        INDArray x = Nd4j.randn(DataType.DOUBLE, 5, 2, 2);
        INDArray r = Nd4j.randn(DataType.DOUBLE, 5, 1);
        a.forward(x, true);
        INDArray dx = a.inputGradient(r).dup();
        assertArrayEquals(new long[] {5, 2, 2}, dx.shape());
        for (int i = 0; i < x.length(); i++) {
            double original = x.getDouble(i);
            x.putScalar(i, original + 1e-6);
            double up = a.forward(x, true).mul(r).sumNumber().doubleValue();
            x.putScalar(i, original - 1e-6);
            double down = a.forward(x, true).mul(r).sumNumber().doubleValue();
            x.putScalar(i, original);
            assertEquals((up - down) / 2e-6, dx.getDouble(i), 1e-7, "input " + i);
        }
    }

    @Test
    void trainsLikeTheSameChainAsAMultiLayerNetwork() {
        ComputationGraphAdapter graph = adapter(new Adam(0.01));
        MultiLayerNetworkAdapter chain = new MultiLayerNetworkAdapter(TinyNetworks.dense(4, 6, 1, 9, new Adam(0.01), DataType.DOUBLE),
                Shape.of(2, 2), Shape.vector(4), Shape.vector(1), Shape.vector(1));
        chain.setParameters(graph.parameters());
        for (int step = 0; step < 3; step++) {
            Nd4j.getRandom().setSeed(step);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 5, 2, 2);
            INDArray g = Nd4j.randn(DataType.DOUBLE, 5, 1);
            INDArray a = graph.forward(x, true).dup();
            INDArray b = chain.forward(x, true).dup();
            assertTrue(a.equalsWithEps(b, 1e-10), "outputs at step " + step);
            assertTrue(graph.backward(g).equalsWithEps(chain.backward(g), 1e-10), "input gradients at step " + step);
            graph.applyGradients(5);
            chain.applyGradients(5);
            assertTrue(graph.parameters().equalsWithEps(chain.parameters(), 1e-10), "parameters after step " + step);
        }
        assertEquals(3, graph.updateCount());
    }

    @Test
    void stateRoundTripAndMismatch() throws IOException {
        ComputationGraphAdapter a = adapter(new Adam(0.01));
        a.forward(Nd4j.randn(DataType.DOUBLE, 5, 2, 2), true);
        a.backward(Nd4j.randn(DataType.DOUBLE, 5, 1));
        a.applyGradients(5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        ComputationGraphAdapter b = adapter(new Adam(0.01));
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.parameters(), b.parameters());
        assertEquals(1, b.updateCount());
        UpdateAssertions.assertSameNextUpdate(a, b, Nd4j.randn(DataType.DOUBLE, 5, 2, 2), Nd4j.randn(DataType.DOUBLE, 5, 1));
        IOException other = assertThrows(IOException.class, () -> adapter(new Sgd(0.1))
                .readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(other.getMessage().contains("optimizer state"), other.getMessage());
    }

    @Test
    void aGraphEndingInALossLayerIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ComputationGraphAdapter(
                graph(new Sgd(0.1), true), Shape.vector(4), Shape.vector(1)));
        assertTrue(e.getMessage().contains("output layer"), e.getMessage());
    }
}
