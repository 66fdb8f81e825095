package dev.gan4j.core.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.testing.TinyNetworks;
import dev.gan4j.core.testing.UpdateAssertions;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiLayerNetworkAdapterTest {
    private static MultiLayerNetworkAdapter adapter(long seed, org.nd4j.linalg.learning.config.IUpdater updater) {
        MultiLayerNetwork net = TinyNetworks.dense(4, 6, 1, seed, updater, DataType.DOUBLE);
        return new MultiLayerNetworkAdapter(net, Shape.of(2, 2), Shape.vector(4), Shape.vector(1), Shape.vector(1));
    }

    @Test
    void reshapesBetweenTheFrameworkShapesAndTheNetworkShapes() {
        MultiLayerNetworkAdapter a = adapter(1, new Sgd(0.1));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 2, 2);
        assertArrayEquals(new long[] {5, 1}, a.forward(x, true).shape());
        INDArray dx = a.backward(Nd4j.ones(DataType.DOUBLE, 5, 1));
        assertArrayEquals(new long[] {5, 2, 2}, dx.shape());
    }

    @Test
    void gradientsOfSeveralPassesAreSummedAndAppliedByTheNetworksOwnOptimizer() {
        MultiLayerNetworkAdapter a = adapter(2, new Sgd(0.5));
        INDArray x1 = Nd4j.rand(DataType.DOUBLE, 4, 2, 2);
        INDArray x2 = Nd4j.rand(DataType.DOUBLE, 4, 2, 2);
        INDArray g = Nd4j.rand(DataType.DOUBLE, 4, 1);
        a.forward(x1, true);
        a.backward(g);
        INDArray first = a.accumulatedGradient();
        a.discardGradients();
        assertNull(a.accumulatedGradient());
        a.forward(x2, true);
        a.backward(g);
        INDArray second = a.accumulatedGradient();
        a.discardGradients();

        INDArray before = a.parameters();
        a.forward(x1, true);
        a.backward(g);
        a.forward(x2, true);
        a.backward(g);
        assertTrue(a.accumulatedGradient().equalsWithEps(first.add(second), 1e-12));
        a.applyGradients(4);
        INDArray after = a.parameters();
        INDArray expectedStep = first.add(second).mul(0.5 / 4);
        // batch-norm running statistics move by their own rule; every other parameter takes the SGD step
        MultiLayerNetwork net = a.network();
        INDArray bnStats = net.getLayer(1).getParam("mean");
        long statsStart = bnStats.offset() - net.params().offset();
        for (long i = 0; i < before.length(); i++) {
            if (i >= statsStart && i < statsStart + 2L * bnStats.length()) {
                continue;
            }
            assertEquals(before.getDouble(i) - expectedStep.getDouble(i), after.getDouble(i), 1e-12, "parameter " + i);
        }
        assertEquals(1, a.updateCount());
        assertNull(a.accumulatedGradient());
    }

    @Test
    void applyingWithoutAGradientIsAnError() {
        assertThrows(IllegalStateException.class, () -> adapter(3, new Sgd(0.1)).applyGradients(1));
    }

    @Test
    void stateRoundTripRestoresParametersOptimizerAndCount() throws IOException {
        MultiLayerNetworkAdapter a = adapter(4, new Adam(0.01));
        for (int i = 0; i < 3; i++) {
            a.forward(Nd4j.rand(DataType.DOUBLE, 4, 2, 2), true);
            a.backward(Nd4j.rand(DataType.DOUBLE, 4, 1));
            a.applyGradients(4);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        MultiLayerNetworkAdapter b = adapter(99, new Adam(0.01));
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.parameters(), b.parameters());
        assertEquals(3, b.updateCount());

        UpdateAssertions.assertSameNextUpdate(a, b, Nd4j.rand(DataType.DOUBLE, 4, 2, 2), Nd4j.rand(DataType.DOUBLE, 4, 1));
    }

    @Test
    void stateOfAnotherArchitectureIsRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        adapter(5, new Adam(0.01)).writeState(new DataOutputStream(bytes));
        MultiLayerNetworkAdapter other = new MultiLayerNetworkAdapter(TinyNetworks.dense(4, 7, 1, 5, new Adam(0.01), DataType.DOUBLE),
                Shape.vector(4), Shape.vector(1));
        IOException e = assertThrows(IOException.class,
                () -> other.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        IOException garbage = assertThrows(IOException.class,
                () -> other.readState(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))));
        assertTrue(garbage.getMessage().contains("magic"), garbage.getMessage());
    }

    /** Clipping a critic's weights (WGAN) must leave batch normalization's running statistics, which DL4J keeps among them. */
    @Test
    void clippingLeavesRunningStatisticsAlone() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().nOut(6).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(1).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        MultiLayerNetworkAdapter adapter = new MultiLayerNetworkAdapter(net, Shape.vector(4), Shape.vector(1));
        INDArray runningMean = net.getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray runningLogStd = net.getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        runningMean.assign(Nd4j.linspace(DataType.DOUBLE, -3, 3, 6));
        runningLogStd.assign(Nd4j.linspace(DataType.DOUBLE, 0.5, 1, 6));
        INDArray meanBefore = runningMean.dup();
        INDArray logStdBefore = runningLogStd.dup();
        assertTrue(net.getLayer(0).getParam("W").amaxNumber().doubleValue() > 0.1);

        adapter.clipParameters(0.01);

        assertEquals(meanBefore, net.getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        assertEquals(logStdBefore, net.getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
        for (int layer = 0; layer < 3; layer++) {
            for (String name : List.of("W", "b", BatchNormalizationParamInitializer.GAMMA, BatchNormalizationParamInitializer.BETA)) {
                INDArray values = net.getLayer(layer).paramTable().get(name);
                if (values != null) {
                    assertTrue(values.amaxNumber().doubleValue() <= 0.01, layer + "/" + name + ": " + values);
                }
            }
        }
        assertEquals(0.01, net.getLayer(1).getParam(BatchNormalizationParamInitializer.GAMMA).getDouble(0), 0);
    }
}
