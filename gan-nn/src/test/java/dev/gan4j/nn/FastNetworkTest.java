package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastNetworkTest {
    private static FastNetwork network(int hidden, org.nd4j.linalg.learning.config.IUpdater updater, long seed) {
        return FastNetwork.builder(Shape.image(1, 4, 4), DataType.FLOAT)
                .conv(2, 4, 2, 1).batchNorm().leakyRelu(0.2).dense(hidden).relu().dense(1)
                .build(updater, seed, 0.02);
    }

    private static void train(FastNetwork net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        net.forward(Nd4j.rand(DataType.FLOAT, 8, 1, 4, 4), true);
        net.backward(Nd4j.rand(DataType.FLOAT, 8, 1));
        net.applyGradients(8);
    }

    @Test
    void shapesSizesAndSeededInitialisation() {
        FastNetwork net = network(5, new Sgd(0.1), 3);
        assertEquals(Shape.image(1, 4, 4), net.inputShape());
        assertEquals(Shape.vector(1), net.outputShape());
        assertEquals((2 * 16 + 2) + 4 + (8 * 5 + 5) + (5 + 1), net.parameterCount());
        assertEquals(network(5, new Sgd(0.1), 3).parameters(), net.parameters());
        assertNotEquals(network(5, new Sgd(0.1), 4).parameters(), net.parameters());
        assertArrayEquals(new long[] {3, 1}, net.forward(Nd4j.rand(DataType.FLOAT, 3, 16), false).shape(), "flat input is viewed as images");
    }

    /** ND4J's own randn is not reproducible for arrays this large, even after setSeed; the network's initialisation must be. */
    @Test
    void largeLayersInitialiseIdenticallyFromTheSameSeed() {
        FastNetwork a = FastNetwork.builder(Shape.vector(100), DataType.FLOAT).dense(6272).build(new Sgd(0.1), 11, 0.02);
        FastNetwork b = FastNetwork.builder(Shape.vector(100), DataType.FLOAT).dense(6272).build(new Sgd(0.1), 11, 0.02);
        assertEquals(a.parameters(), b.parameters());
        double std = a.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 627200)).stdNumber().doubleValue();
        assertEquals(0.02, std, 0.0005, "weights drawn from N(0, 0.02)");
    }

    @Test
    void trainingForwardsMoveBatchNormRunningStatisticsLikePyTorch() {
        FastNetwork net = network(5, new Sgd(0.1), 3);
        INDArray before = net.state();
        assertEquals(0, before.getDouble(0), 0);
        assertEquals(1, before.getDouble(2), 0);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 4, 4);
        net.forward(x, false);
        assertEquals(before, net.state(), "inference leaves the running statistics alone");
        net.forward(x, true);
        assertNotEquals(before, net.state());
    }

    /** Arguments no layer can have fail when the network is described, not as a division by zero deep in a pass. */
    @Test
    void impossibleLayerArgumentsAreRefusedByName() {
        FastNetwork.Builder images = FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> images.conv(2, 4, 0, 1)).getMessage().contains("stride=0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> images.deconv(2, 4, 2, -1)).getMessage().contains("padding=-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> images.dense(0)).getMessage().contains("found 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> images.leakyRelu(1.5)).getMessage().contains("1.5"));
        assertEquals(Shape.image(1, 8, 8), images.currentShape(), "nothing was added");
    }

    /**
     * On feature maps each channel's statistics pool the batch and every position, n * h * w values, and the running
     * variance takes their unbiased variance, as PyTorch's BatchNorm2d does (momentum 0.1).
     */
    @Test
    void runningStatisticsOfFeatureMapsPoolEveryPosition() {
        FastNetwork net = FastNetwork.builder(Shape.image(2, 3, 3), DataType.DOUBLE).batchNorm().build(new Sgd(0.1), 1, 0.02);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 2, 3, 3).muli(3).addi(1);
        net.forward(x, true);
        INDArray state = net.state();
        for (int c = 0; c < 2; c++) {
            INDArray values = x.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all()).dup();
            double mean = values.meanNumber().doubleValue();
            double unbiased = values.var(true).getDouble(0);
            assertEquals(0.1 * mean, state.getDouble(c), 1e-12, "running mean of channel " + c);
            assertEquals(0.9 + 0.1 * unbiased, state.getDouble(2 + c), 1e-12, "running variance of channel " + c);
        }
    }

    @Test
    void inputGradientAloneEqualsTheFullBackwardPass() {
        for (FastNetwork net : new FastNetwork[] {network(5, new Sgd(0.1), 3),
                FastNetwork.builder(Shape.vector(3), DataType.FLOAT).dense(2 * 4 * 4).reshape(Shape.image(2, 4, 4))
                        .deconv(3, 4, 2, 1).relu().conv(2, 4, 2, 1).leakyRelu(0.2).build(new Sgd(0.1), 1, 0.1),
                // strides that do not divide the input evenly: 8x8 -> 4x4 with k=3, 7x7 -> 3x3 with k=4
                FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT).conv(2, 3, 2, 1).leakyRelu(0.2).dense(1)
                        .build(new Sgd(0.1), 1, 0.1),
                FastNetwork.builder(Shape.image(1, 7, 7), DataType.FLOAT).conv(2, 4, 2, 1).leakyRelu(0.2).dense(1)
                        .build(new Sgd(0.1), 1, 0.1)}) {
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.rand(DataType.FLOAT, net.inputShape().withBatch(8));
            INDArray g = Nd4j.rand(DataType.FLOAT, net.outputShape().withBatch(8));
            net.forward(x, true);
            INDArray full = net.backward(g).dup();
            net.discardGradients();
            net.forward(x, true);
            INDArray alone = net.inputGradient(g).dup();
            assertTrue(full.equalsWithEps(alone, 1e-6), "input gradient without parameter gradients");
        }
    }

    /**
     * D's own step asks a first convolution for its weight gradient alone, which it computes from im2col and one
     * gemm rather than conv2d_bp: the same gradient, for every geometry, with and without bias and spectral norm.
     */
    @Test
    void parameterGradientAloneEqualsTheFullBackwardPass() {
        for (FastNetwork net : new FastNetwork[] {
                FastNetwork.builder(Shape.image(3, 8, 8), DataType.FLOAT).conv(4, 4, 2, 1).leakyRelu(0.2).dense(1).build(new Sgd(0.1), 1, 0.1),
                FastNetwork.builder(Shape.image(1, 7, 7), DataType.FLOAT).conv(2, 4, 2, 1, false).relu().dense(1).build(new Sgd(0.1), 1, 0.1),
                FastNetwork.builder(Shape.image(2, 6, 5), DataType.FLOAT).conv(3, 3, 1, 1).tanh().conv(2, 1, 1, 0).dense(2)
                        .build(new Sgd(0.1), 1, 0.1),
                FastNetwork.builder(Shape.image(2, 9, 9), DataType.FLOAT).spectralNorm(true).conv(2, 5, 2, 0).relu().dense(1)
                        .build(new Sgd(0.1), 1, 0.1)}) {
            Nd4j.getRandom().setSeed(6);
            net.setParameters(Nd4j.randn(DataType.FLOAT, net.parameterCount()));
            INDArray x = Nd4j.rand(DataType.FLOAT, net.inputShape().withBatch(5));
            INDArray g = Nd4j.rand(DataType.FLOAT, net.outputShape().withBatch(5));
            net.spectralNorms().forEach(sn -> sn.hold(true));
            net.forward(x, true);
            net.backward(g);
            INDArray full = net.accumulatedGradient();
            net.discardGradients();
            net.forward(x, true);
            net.accumulateGradient(g);
            INDArray alone = net.accumulatedGradient();
            net.discardGradients();
            assertTrue(full.equalsWithEps(alone, 1e-4), "parameter gradient without the input gradient: " + full + " vs " + alone);
            assertTrue(full.norm2Number().doubleValue() > 1e-3, "a gradient to compare");
        }
    }

    /** A moving average's step: (1 - w) own + w source, for the weights and for the running statistics alike. */
    @Test
    void blendingMovesParametersAndStateTowardsTheSource() {
        FastNetwork average = FastNetwork.builder(Shape.vector(3), DataType.DOUBLE).dense(4).batchNorm().build(new Sgd(0.1), 1, 0.1);
        FastNetwork source = FastNetwork.builder(Shape.vector(3), DataType.DOUBLE).dense(4).batchNorm().build(new Sgd(0.1), 2, 0.1);
        Nd4j.getRandom().setSeed(3);
        source.forward(Nd4j.randn(DataType.DOUBLE, 8, 3).addi(2), true);
        INDArray ownParameters = average.parameters();
        INDArray ownState = average.state();
        average.blendFrom(source, 0.25);
        assertTrue(ownParameters.mul(0.75).addi(source.parameters().mul(0.25)).equalsWithEps(average.parameters(), 1e-12));
        assertTrue(ownState.mul(0.75).addi(source.state().mul(0.25)).equalsWithEps(average.state(), 1e-12));
        assertNotEquals(ownState, average.state(), "the source's running statistics moved, so the state must change");
    }

    /** Batch norm refuses what it cannot do rather than computing something else silently. */
    @Test
    void batchNormRefusesANearPassAndASingleExampleInTraining() {
        FastNetwork net = FastNetwork.builder(Shape.vector(3), DataType.FLOAT).dense(4).batchNorm().relu().dense(1)
                .build(new Sgd(0.1), 1, 0.1);
        net.forward(Nd4j.rand(DataType.FLOAT, 8, 3), true);
        assertThrows(UnsupportedOperationException.class, () -> net.forwardNear(Nd4j.rand(DataType.FLOAT, 8, 3)));
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.rand(DataType.FLOAT, 1, 3), true));
        assertTrue(single.getMessage().contains("batch size above 1"), single.getMessage());
        assertArrayEquals(new long[] {1, 1}, net.forward(Nd4j.rand(DataType.FLOAT, 1, 3), false).shape(), "inference takes one example");
    }

    @Test
    void inputGradientOnlyAccumulatesNothing() {
        FastNetwork net = network(5, new Sgd(0.1), 3);
        net.forward(Nd4j.rand(DataType.FLOAT, 8, 1, 4, 4), true);
        INDArray dx = net.inputGradient(Nd4j.ones(DataType.FLOAT, 8, 1));
        assertArrayEquals(new long[] {8, 1, 4, 4}, dx.shape());
        assertNull(net.accumulatedGradient());
        assertThrows(IllegalStateException.class, () -> net.applyGradients(8));
        net.forward(Nd4j.rand(DataType.FLOAT, 8, 1, 4, 4), false);
        assertThrows(IllegalStateException.class, () -> net.backward(Nd4j.ones(DataType.FLOAT, 8, 1)),
                "backward after an inference forward");
    }

    @Test
    void stateRoundTripRestoresWeightsRunningStatisticsAndOptimizer() throws IOException {
        FastNetwork a = network(5, new Adam(0.01), 3);
        for (int i = 0; i < 3; i++) {
            train(a, i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        FastNetwork b = network(5, new Adam(0.01), 99);
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.parameters(), b.parameters());
        assertEquals(a.state(), b.state());
        assertEquals(3, b.updateCount());
        train(a, 7);
        train(b, 7);
        assertEquals(a.parameters(), b.parameters(), "same optimizer state, same next update");
    }

    @Test
    void stateOfAnotherArchitectureOrOptimizerIsRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        network(5, new Adam(0.01), 3).writeState(new DataOutputStream(bytes));
        IOException wider = assertThrows(IOException.class, () -> network(6, new Adam(0.01), 3)
                .readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(wider.getMessage().contains("does not match"), wider.getMessage());
        assertThrows(IOException.class, () -> network(5, new Sgd(0.01), 3)
                .readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        IOException garbage = assertThrows(IOException.class, () -> network(5, new Adam(0.01), 3)
                .readState(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))));
        assertTrue(garbage.getMessage().contains("magic"), garbage.getMessage());
    }
}
