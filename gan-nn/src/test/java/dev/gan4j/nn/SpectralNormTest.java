package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spectral normalization (Miyato et al. 2018) in FLOAT, as networks train: the power-iteration estimate
 * against an SVD of the weight reshaped by output channel, the normalized layer against a plain layer
 * holding W / sigma, the vector u in the state and in checkpoints, and networks without it unchanged.
 */
class SpectralNormTest {
    private static final int BATCH = 4;

    /** Single layers whose weight matrices by output channel and by input channel have different spectra. */
    private static FastNetwork.Builder layer(String kind, boolean spectralNorm) {
        return switch (kind) {
            case "dense" -> FastNetwork.builder(Shape.vector(6), DataType.FLOAT).spectralNorm(spectralNorm).dense(5);
            case "conv" -> FastNetwork.builder(Shape.image(3, 8, 8), DataType.FLOAT).spectralNorm(spectralNorm).conv(5, 4, 2, 1);
            case "deconv" -> FastNetwork.builder(Shape.image(3, 4, 4), DataType.FLOAT).spectralNorm(spectralNorm).deconv(5, 4, 2, 1);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static long weightCount(String kind) {
        return kind.equals("dense") ? 6 * 5 : 3 * 5 * 16;
    }

    /** The weight as a matrix, reshaped here independently of the layer: one row per output channel, or per input channel. */
    private static INDArray matrix(String kind, FastNetwork net, boolean byOutput) {
        INDArray w = net.parameters().get(NDArrayIndex.interval(0, weightCount(kind))).castTo(DataType.DOUBLE);
        return switch (kind) {
            case "dense" -> byOutput ? w.reshape('c', 6, 5).transpose().dup('c') : w.reshape('c', 6, 5);
            case "conv" -> byOutput ? w.reshape('c', 5, 48) : w.reshape('c', 5, 3, 4, 4).permute(1, 0, 2, 3).dup('c').reshape('c', 3, 80);
            case "deconv" -> byOutput ? w.reshape('c', 3, 5, 4, 4).permute(1, 0, 2, 3).dup('c').reshape('c', 5, 48) : w.reshape('c', 3, 80);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static double largestSingularValue(INDArray matrix) {
        INDArray a = matrix.dup('f');
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(a.rows(), a.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, null);
        return s.maxNumber().doubleValue();
    }

    private static INDArray randomInput(FastNetwork net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, net.inputShape().withBatch(BATCH)).subi(0.5);
    }

    @Test
    void svdOfTheTestMatchesPowerIterationInDouble() {
        Nd4j.getRandom().setSeed(1);
        INDArray m = Nd4j.randn(DataType.DOUBLE, 5, 48);
        INDArray v = Nd4j.ones(DataType.DOUBLE, 48, 1);
        double sigma = 0;
        for (int i = 0; i < 2000; i++) {
            v = m.transpose().mmul(m.mmul(v));
            sigma = Math.sqrt(v.norm2Number().doubleValue());
            v.divi(v.norm2Number());
        }
        assertEquals(sigma, largestSingularValue(m), 1e-9 * sigma);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv", "deconv"})
    void sigmaConvergesToTheLargestSingularValueOfTheWeightByOutputChannel(String kind) {
        FastNetwork net = layer(kind, true).build(new Sgd(1.0), 3, 0.3);
        INDArray x = randomInput(net, 1);
        INDArray r = Nd4j.randn(DataType.FLOAT, net.outputShape().withBatch(BATCH));
        double initial = largestSingularValue(matrix(kind, net, true));
        for (int i = 0; i < 20; i++) {
            net.forward(x, true);
            net.backward(r);
            net.applyGradients(BATCH);
        }
        for (int i = 0; i < 300; i++) {
            net.forward(x, true);
        }
        double exact = largestSingularValue(matrix(kind, net, true));
        assertTrue(Math.abs(exact - initial) > 1e-2 * exact, "training moved the weights: " + initial + " -> " + exact);
        assertEquals(exact, net.spectralNorms().get(0).sigma(), 1e-3 * exact, "power iteration against SVD");
        if (!kind.equals("dense")) {
            double byInput = largestSingularValue(matrix(kind, net, false));
            assertTrue(Math.abs(byInput - exact) > 1e-2 * exact, "the reshape decides sigma: " + byInput + " vs " + exact);
        }
    }

    /** The normalized layer computes what a plain layer computes with W / sigma(W), whose largest singular value is 1. */
    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv", "deconv"})
    void theLayerComputesWithTheWeightScaledToUnitSpectralNorm(String kind) {
        FastNetwork normalized = layer(kind, true).build(new Sgd(0.1), 4, 0.3);
        FastNetwork plain = layer(kind, false).build(new Sgd(0.1), 4, 0.3);
        INDArray x = randomInput(normalized, 2);
        for (int i = 0; i < 300; i++) {
            normalized.forward(x, true);
        }
        INDArray parameters = normalized.parameters();
        INDArray weights = parameters.get(NDArrayIndex.interval(0, weightCount(kind)));
        weights.divi(largestSingularValue(matrix(kind, normalized, true)));
        plain.setParameters(parameters);
        assertEquals(1, largestSingularValue(matrix(kind, plain, true)), 1e-6);
        for (boolean training : new boolean[] {true, false}) {
            INDArray expected = plain.forward(x, training).dup();
            INDArray actual = normalized.forward(x, training);
            double scale = expected.amaxNumber().doubleValue();
            assertTrue(scale > 1e-2);
            double difference = expected.sub(actual).amaxNumber().doubleValue();
            assertTrue(difference < 1e-3 * scale, kind + (training ? " training" : " inference") + ": max difference "
                    + difference + " of " + scale);
        }
    }

    @Test
    void trainingForwardsMoveUAndInferenceForwardsDoNot() {
        FastNetwork net = layer("conv", true).build(new Sgd(0.1), 5, 0.3);
        INDArray u = net.state();
        assertEquals(5, u.length());
        assertEquals(1, u.norm2Number().doubleValue(), 1e-6, "u starts as a unit vector");
        INDArray x = randomInput(net, 3);
        net.forward(x, false);
        assertEquals(u, net.state());
        net.forward(x, true);
        assertNotEquals(u, net.state());
        assertEquals(1, net.state().norm2Number().doubleValue(), 1e-6);
        INDArray moved = net.state();
        net.spectralNorms().get(0).hold(true);
        net.forward(x, true);
        assertEquals(moved, net.state(), "a held u stays put");
    }

    @Test
    void uIsDrawnFromTheSeed() {
        assertEquals(layer("deconv", true).build(new Sgd(0.1), 6, 0.3).state(), layer("deconv", true).build(new Sgd(0.1), 6, 0.3).state());
        assertNotEquals(layer("deconv", true).build(new Sgd(0.1), 6, 0.3).state(), layer("deconv", true).build(new Sgd(0.1), 7, 0.3).state());
    }

    @Test
    void aNearPassReusesTheLastTrainingEstimate() {
        FastNetwork net = layer("dense", true).build(new Sgd(0.1), 5, 0.3);
        INDArray x = randomInput(net, 4);
        INDArray y = net.forward(x, true).dup();
        INDArray u = net.state();
        assertEquals(y, net.forwardNear(x));
        assertEquals(u, net.state());
    }

    private static FastNetwork discriminator(long seed) {
        return FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT).spectralNorm(true)
                .conv(3, 4, 2, 1).leakyRelu(0.2).conv(4, 4, 2, 1).batchNorm().leakyRelu(0.2).dense(1)
                .build(new Adam(0.01), seed, 0.1);
    }

    private static void train(FastNetwork net, long seed) {
        INDArray x = randomInput(net, seed);
        net.forward(x, true);
        net.backward(Nd4j.rand(DataType.FLOAT, BATCH, 1));
        net.applyGradients(BATCH);
    }

    @Test
    void stateRoundTripRestoresUAndWithItTheOutputs() throws IOException {
        FastNetwork a = discriminator(3);
        assertEquals(3 + 4 + 1 + 2 * 4, a.state().length(), "u of each normalized layer and the batch-norm statistics");
        for (int i = 0; i < 3; i++) {
            train(a, i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        FastNetwork b = discriminator(99);
        assertNotEquals(a.state(), b.state());
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.state(), b.state());
        INDArray x = randomInput(a, 10);
        assertEquals(a.forward(x, false).dup(), b.forward(x, false).dup(), "inference with the restored u");
        assertEquals(a.forward(x, true).dup(), b.forward(x, true).dup(), "the next power-iteration step");
        train(a, 7);
        train(b, 7);
        assertEquals(a.parameters(), b.parameters());
        assertEquals(a.state(), b.state());
    }

    @Test
    void withoutSpectralNormANetworkIsWhatItWas() {
        FastNetwork before = FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT)
                .conv(2, 4, 2, 1).batchNorm().leakyRelu(0.2).dense(1).build(new Sgd(0.1), 3, 0.02);
        FastNetwork off = FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT).spectralNorm(false)
                .conv(2, 4, 2, 1).batchNorm().leakyRelu(0.2).dense(1).build(new Sgd(0.1), 3, 0.02);
        assertEquals(before.parameters(), off.parameters());
        assertEquals(before.state(), off.state());
        assertTrue(off.spectralNorms().isEmpty());
        INDArray x = randomInput(before, 5);
        assertEquals(before.forward(x, true).dup(), off.forward(x, true).dup());
        assertFalse(String.join("\n", off.profile()).contains("SN"));
    }

    @Test
    void theSwitchCoversTheLayersAddedWhileItIsOn() {
        FastNetwork plain = FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT)
                .conv(4, 4, 2, 1).leakyRelu(0.2).dense(1).build(new Sgd(0.1), 3, 0.02);
        FastNetwork mixed = FastNetwork.builder(Shape.image(1, 8, 8), DataType.FLOAT)
                .spectralNorm(true).conv(4, 4, 2, 1).leakyRelu(0.2).spectralNorm(false).dense(1).build(new Sgd(0.1), 3, 0.02);
        assertEquals(plain.parameterCount(), mixed.parameterCount(), "u is state, not a parameter");
        assertEquals(1, mixed.spectralNorms().size());
        assertEquals(4, mixed.state().length());
        List<String> profile = mixed.profile();
        assertTrue(profile.get(0).startsWith("ConvolutionLayer+SN "), profile.get(0));
        assertTrue(profile.get(3).startsWith("DenseLayer "), profile.get(3));
    }
}
