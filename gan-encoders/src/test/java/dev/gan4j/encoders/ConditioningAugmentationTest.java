package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditioningAugmentationTest {
    private static final int IN = 5;
    private static final int DIM = 3;

    private static AugmentationLayer layer(double weight) {
        return new AugmentationLayer(IN, DIM, weight, new Adam(), 4, DataType.DOUBLE);
    }

    @Test
    void divergenceIsTheClosedFormOfKlToTheStandardNormal() {
        AugmentationLayer layer = layer(1);
        INDArray e = new NormalSampler(1).next(DataType.DOUBLE, 4, IN);
        INDArray noise = new NormalSampler(2).next(DataType.DOUBLE, 4, DIM);
        INDArray c = layer.sample(e, noise);
        INDArray out = layer.network().forward(e, false);
        double kl = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < DIM; j++) {
                double mu = out.getDouble(i, j);
                double logSigma = out.getDouble(i, DIM + j);
                double variance = Math.exp(2 * logSigma);
                kl += Math.log(1 / Math.sqrt(variance)) + (variance + mu * mu) / 2 - 0.5;
                assertEquals(mu + Math.exp(logSigma) * noise.getDouble(i, j), c.getDouble(i, j), 1e-12);
            }
        }
        assertEquals(kl, layer.divergence(), 1e-10);
        assertTrue(layer.mean(e).equalsWithEps(out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, DIM)), 1e-12));
    }

    @Test
    void gradientOfConditionLossPlusWeightedDivergenceMatchesFiniteDifferences() {
        double weight = 0.7;
        AugmentationLayer layer = layer(weight);
        INDArray e = new NormalSampler(1).next(DataType.DOUBLE, 4, IN);
        INDArray noise = new NormalSampler(2).next(DataType.DOUBLE, 4, DIM);
        INDArray r = new NormalSampler(3).next(DataType.DOUBLE, 4, DIM).muli(0.5);
        layer.sample(e, noise);
        layer.backward(r);
        INDArray analytic = layer.network().accumulatedGradient();
        layer.network().discardGradients();
        DoubleSupplier loss = () -> layer.sample(e, noise).mul(r).sumNumber().doubleValue() + weight * layer.divergence();
        for (long index = 0; index < layer.network().parameterCount(); index++) {
            double numeric = FiniteDifferences.derivative(layer.network(), index, 1e-6, loss);
            double analyticValue = analytic.getDouble(index);
            assertTrue(FiniteDifferences.relativeError(analyticValue, numeric) < 1e-6 || Math.abs(analyticValue - numeric) < 1e-8,
                    "parameter " + index + ": " + analytic.getDouble(index) + " vs " + numeric);
        }
    }

    @Test
    void theSpecWrapsAnEncoderAndRoundTrips() throws Exception {
        var mapper = Plugins.registry().mapper();
        EncoderSpec spec = mapper.readValue("{\"type\": \"conditioning-augmentation\", \"encoder\": {\"type\": \"one-hot\"}, \"dim\": 8}",
                EncoderSpec.class);
        String json = mapper.writerFor(EncoderSpec.class).writeValueAsString(spec);
        assertEquals(mapper.readTree("{\"type\": \"conditioning-augmentation\", \"encoder\": {\"type\": \"one-hot\"}, \"dim\": 8,"
                + " \"klWeight\": 1.0}"), mapper.readTree(json));
        Encoder encoder = spec.create(new EncoderContext(ConditionSchema.ofClasses(List.of("a", "b", "c")), 1, new Adam(), DataType.FLOAT));
        assertEquals(3, encoder.outputDim(), "D reads the one-hot vectors");
        assertEquals(8, encoder.generatorDim(), "G reads the augmented condition");
        assertNull(encoder.network());
        assertEquals(8, encoder.augmentation().outputDim(), "the augmentation layer makes the condition G reads");
        INDArray mean = encoder.augmentation().mean(encoder.encode(encoder.parse(List.of("b", "c")), false));
        assertArrayEquals(new long[] {2, 8}, mean.shape());
    }
}
