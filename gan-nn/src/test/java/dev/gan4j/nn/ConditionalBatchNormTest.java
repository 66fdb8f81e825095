package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditional batch normalization (de Vries et al. 2017): y = BN(x) * (1 + c W_gamma) + c W_beta, in double
 * precision. The gradient checks cover every parameter and every input entry, the condition columns included,
 * whose gradient sums the first layer's path and every conditional batch norm's.
 */
@ExtendWith(DoublePrecision.class)
class ConditionalBatchNormTest {
    private static final int LATENT = 4;
    private static final int CONDITION = 3;
    private static final int BATCH = 5;
    private static FastNetwork.Builder conditioned() {
        return FastNetwork.builder(Shape.vector(LATENT + CONDITION), DataType.DOUBLE).conditioned(CONDITION);
    }

    /** Two conditional batch norms on feature maps, as in a DCGAN generator. */
    private static FastNetwork images(boolean conditional, long seed) {
        FastNetwork.Builder b = conditional ? conditioned() : FastNetwork.builder(Shape.vector(LATENT + CONDITION), DataType.DOUBLE);
        b.dense(2 * 4 * 4).reshape(Shape.image(2, 4, 4));
        normalize(b, conditional).tanh().deconv(3, 4, 2, 1);
        normalize(b, conditional).tanh();
        return b.build(new Adam(0.01), seed, 0.5);
    }

    /** A conditional batch norm on features, as in an MLP generator. */
    private static FastNetwork vectors(boolean conditional, long seed) {
        FastNetwork.Builder b = conditional ? conditioned() : FastNetwork.builder(Shape.vector(LATENT + CONDITION), DataType.DOUBLE);
        b.dense(6);
        normalize(b, conditional).tanh().dense(2);
        return b.build(new Adam(0.01), seed, 0.5);
    }

    private static FastNetwork.Builder normalize(FastNetwork.Builder b, boolean conditional) {
        return conditional ? b.conditionalBatchNorm() : b.batchNorm();
    }

    private static INDArray input(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, BATCH, LATENT + CONDITION);
    }

    /** The same z under other conditions. */
    private static INDArray withConditions(INDArray input, long seed) {
        INDArray other = input.dup();
        Nd4j.getRandom().setSeed(seed);
        other.get(NDArrayIndex.all(), NDArrayIndex.interval(LATENT, LATENT + CONDITION)).assign(Nd4j.randn(DataType.DOUBLE, BATCH, CONDITION));
        return other;
    }

    /** Random parameters everywhere, so that W_gamma and W_beta are not zero. */
    private static void randomize(FastNetwork net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        net.setParameters(Nd4j.randn(DataType.DOUBLE, net.parameterCount()).muli(0.5));
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }

    @Test
    void gradientsOfImageNetworkIncludingTheConditionColumns() {
        checkEverything(images(true, 1));
    }

    @Test
    void gradientsOfVectorNetworkIncludingTheConditionColumns() {
        checkEverything(vectors(true, 2));
    }

    /** A conditional batch norm as the first layer normalizes the whole input and modulates it by its own last columns. */
    @Test
    void gradientsWhenTheFirstLayerIsConditional() {
        checkEverything(conditioned().conditionalBatchNorm().tanh().dense(2).build(new Sgd(0.1), 3, 0.5));
    }

    /**
     * Every parameter and every input entry of L = sum(output * R) against central differences, after a training
     * forward; the condition columns' analytic gradient must carry the conditional batch norms' share.
     */
    private static void checkEverything(FastNetwork net) {
        randomize(net, 4);
        INDArray x = input(5);
        Nd4j.getRandom().setSeed(6);
        INDArray r = Nd4j.randn(DataType.DOUBLE, net.outputShape().withBatch(BATCH));
        net.forward(x, true);
        INDArray dx = net.backward(r).dup();
        INDArray dp = net.accumulatedGradient();
        net.discardGradients();
        DoubleSupplier loss = () -> net.forward(x, true).mul(r).sumNumber().doubleValue();
        for (long i = 0; i < net.parameterCount(); i++) {
            assertClose(dp.getDouble(i), FiniteDifferences.derivative(net, i, 1e-6, loss), "parameter " + i);
        }
        double conditionGradient = 0;
        for (int row = 0; row < BATCH; row++) {
            for (int col = 0; col < LATENT + CONDITION; col++) {
                double original = x.getDouble(row, col);
                x.putScalar(row, col, original + 1e-6);
                double up = loss.getAsDouble();
                x.putScalar(row, col, original - 1e-6);
                double down = loss.getAsDouble();
                x.putScalar(row, col, original);
                double numeric = (up - down) / 2e-6;
                assertClose(dx.getDouble(row, col), numeric, (col < LATENT ? "latent" : "condition") + " input [" + row + ", " + col + "]");
                conditionGradient += col < LATENT ? 0 : Math.abs(numeric);
            }
        }
        assertTrue(conditionGradient > 1e-3, "the loss depends on the condition: " + conditionGradient);
    }

    /**
     * Relative error 1e-5, or absolute 1e-6 for gradients near zero: libnd4j's {@code batchnorm_bp} is accurate to
     * about 1e-8 in double, so the gradient of a bias in front of batch norm, exactly zero, comes out around 1e-8
     * (plain {@link BatchNormLayer} alike); the gradients checked here are of order 0.1 to 10.
     */
    private static void assertClose(double analytic, double numeric, String what) {
        double error = FiniteDifferences.relativeError(analytic, numeric);
        assertTrue(error < 1e-5 || Math.abs(analytic - numeric) < 1e-6,
                what + ": analytic " + analytic + " vs numeric " + numeric + " (relative error " + error + ")");
    }

    /**
     * Freshly built (W_gamma = W_beta = 0) the layer is batch norm with scale 1 and shift 0: the same outputs,
     * running statistics, input gradient and gradient of the shared layers as {@link BatchNormLayer} at its
     * initial scale and shift, in training and inference mode.
     */
    @Test
    void withZeroMapsItIsPlainBatchNorm() {
        for (boolean image : new boolean[] {true, false}) {
            FastNetwork conditional = image ? images(true, 7) : vectors(true, 7);
            FastNetwork plain = image ? images(false, 7) : vectors(false, 7);
            for (int step = 0; step < 3; step++) {
                INDArray x = input(10 + step);
                INDArray r = Nd4j.randn(DataType.DOUBLE, plain.outputShape().withBatch(BATCH));
                assertEquals(0, maxDifference(plain.forward(x, true), conditional.forward(x, true)), "training output, image " + image);
                assertEquals(0, maxDifference(plain.backward(r), conditional.backward(r)), "input gradient, image " + image);
                assertEquals(0, maxDifference(plain.state(), conditional.state()), "running statistics, image " + image);
            }
            INDArray x = input(20);
            assertEquals(0, maxDifference(plain.forward(x, false), conditional.forward(x, false)), "inference output, image " + image);
            assertEquals(plain.accumulatedGradient().get(NDArrayIndex.interval(0, firstLayerSize(image))),
                    conditional.accumulatedGradient().get(NDArrayIndex.interval(0, firstLayerSize(image))));
        }
    }

    private static long firstLayerSize(boolean image) {
        int out = image ? 32 : 6;
        return (long) (LATENT + CONDITION) * out + out;
    }

    /** PyTorch's update: running mean 0.9 * 0 + 0.1 * mean, running variance 0.9 * 1 + 0.1 * unbiased variance. */
    @Test
    void runningStatisticsFollowPyTorch() {
        FastNetwork net = vectors(true, 8);
        INDArray features = FastNetwork.builder(Shape.vector(LATENT + CONDITION), DataType.DOUBLE).dense(6)
                .build(new Sgd(0.1), 8, 0.5).forward(input(9), false).dup();
        net.forward(input(9), true);
        INDArray state = net.state();
        INDArray expectedMean = features.mean(0).muli(0.1);
        INDArray expectedVar = features.var(true, 0).muli(0.1).addi(0.9);
        assertTrue(expectedMean.equalsWithEps(state.get(NDArrayIndex.interval(0, 6)), 1e-12), state.toString());
        assertTrue(expectedVar.equalsWithEps(state.get(NDArrayIndex.interval(6, 12)), 1e-12), state.toString());
        INDArray before = net.state();
        net.forward(input(9), false);
        assertEquals(before, net.state(), "inference leaves the running statistics alone");
    }

    /** The modulation isolated: with the first layer blind to the condition only the conditional batch norms can read it. */
    @Test
    void differentConditionsGiveDifferentOutputsOnceTheMapsAreNotZero() {
        for (boolean image : new boolean[] {true, false}) {
            FastNetwork net = image ? images(true, 12) : vectors(true, 12);
            blindFirstLayer(net, image ? 32 : 6);
            INDArray x = input(13);
            INDArray other = withConditions(x, 14);
            net.forward(x, true);
            assertEquals(0, maxDifference(net.forward(x, true).dup(), net.forward(other, true)), "zero maps: no effect");

            INDArray parameters = net.parameters();
            long dense = firstLayerSize(image);
            long maps = 2L * CONDITION * (image ? 2 : 6);
            Nd4j.getRandom().setSeed(15);
            parameters.get(NDArrayIndex.interval(dense, dense + maps)).assign(Nd4j.randn(DataType.DOUBLE, maps).muli(0.5));
            net.setParameters(parameters);
            for (boolean training : new boolean[] {true, false}) {
                INDArray a = net.forward(x, training).dup();
                INDArray b = net.forward(other, training).dup();
                assertTrue(maxDifference(a, b) > 1e-3, "image " + image + ", training " + training + ": " + maxDifference(a, b));
                assertEquals(0, maxDifference(a, net.forward(x, training)), "same condition, same output");
            }
        }
    }

    /** Zeroes the first dense layer's weights from the condition columns. */
    private static void blindFirstLayer(FastNetwork net, int out) {
        INDArray parameters = net.parameters();
        parameters.get(NDArrayIndex.interval((long) LATENT * out, (long) (LATENT + CONDITION) * out)).assign(0);
        net.setParameters(parameters);
    }

    @Test
    void stateRoundTripGivesIdenticalOutputs() throws IOException {
        FastNetwork a = images(true, 16);
        for (int step = 0; step < 3; step++) {
            a.forward(input(30 + step), true);
            a.backward(Nd4j.randn(DataType.DOUBLE, a.outputShape().withBatch(BATCH)));
            a.applyGradients(BATCH);
        }
        long maps = 2L * CONDITION * 2;
        assertTrue(a.parameters().get(NDArrayIndex.interval(firstLayerSize(true), firstLayerSize(true) + maps)).norm2Number()
                .doubleValue() > 0, "the maps have learned");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        FastNetwork b = images(true, 99);
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.parameters(), b.parameters());
        assertEquals(a.state(), b.state());
        INDArray x = input(40);
        assertEquals(0, maxDifference(a.forward(x, false), b.forward(x, false)), "inference");
        assertEquals(0, maxDifference(a.forward(x, true), b.forward(x, true)), "training");
    }

    /** The input-gradient-only and parameter-only passes give what the full backward gives; there is no near pass. */
    @Test
    void partialBackwardPassesAgreeWithTheFullOne() {
        FastNetwork net = images(true, 17);
        randomize(net, 18);
        INDArray x = input(19);
        INDArray g = Nd4j.randn(DataType.DOUBLE, net.outputShape().withBatch(BATCH));
        INDArray output = net.forward(x, true).dup();
        INDArray full = net.backward(g).dup();
        INDArray parameterGradient = net.accumulatedGradient();
        net.discardGradients();
        net.forward(x, true);
        assertEquals(0, maxDifference(full, net.inputGradient(g)), "input gradient alone");
        net.forward(x, true);
        net.accumulateGradient(g);
        assertEquals(0, maxDifference(parameterGradient, net.accumulatedGradient()), "parameter gradient alone");
        net.discardGradients();
        assertThrows(UnsupportedOperationException.class, () -> net.forwardNear(x), "batch statistics cannot stay put");
        assertTrue(output.equalsWithEps(net.forward(x, true), 1e-12), "the same input, the same output");
    }

    @Test
    void sizesAndBuilderChecks() {
        FastNetwork net = images(true, 1);
        assertEquals(CONDITION, net.conditionDim());
        assertEquals(images(false, 1).parameterCount() - 2 * (2 + 3) + 2L * CONDITION * (2 + 3), net.parameterCount());
        assertEquals(2 * (2 + 3), net.state().length(), "running mean and variance per channel");
        assertTrue(net.couplesExamples());
        assertEquals(2, net.profile().stream().filter(line -> line.startsWith("ConditionalBatchNormLayer ")).count());
        assertEquals(0, images(false, 1).conditionDim());

        IllegalStateException undeclared = assertThrows(IllegalStateException.class,
                () -> FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).dense(4).conditionalBatchNorm());
        assertTrue(undeclared.getMessage().contains("conditioned"), undeclared.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).conditioned(6));
        assertThrows(IllegalArgumentException.class, () -> FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).conditioned(0));
        assertFalse(FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).conditioned(2).dense(3)
                .build(new Sgd(0.1), 1, 0.1).couplesExamples(), "declaring a condition alone changes nothing");
    }
}
