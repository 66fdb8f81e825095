package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the {@code spectralNorm} option (Miyato et al. 2018) and the DCGAN discriminator's {@code batchNorm}
 * option build: the layers, parameter and state sizes, the property spectral normalization exists for,
 * and a few training steps of an SN-GAN.
 */
class ModelOptionsTest {
    private static final Shape IMAGE = Shape.image(1, 8, 8);
    private static final Shape POINT = Shape.vector(2);

    private static ModelContext context(Shape shape, long seed) {
        return new ModelContext(shape, 0, seed, new Adam(2e-4, 0.5, 0.999, 1e-8), DataType.FLOAT);
    }

    private static FastNetwork fast(TrainableNetwork network) {
        return (FastNetwork) network;
    }

    private static long count(List<String> profile, String name) {
        return profile.stream().filter(line -> line.startsWith(name + " ")).count();
    }

    private static Discriminator dcganD(boolean batchNorm, boolean spectralNorm, LayerEngine layers) {
        return new DcganDiscriminatorSpec(new int[] {4, 8}, 0.2, batchNorm, spectralNorm, layers, null, null, null, DcganLayout.PROJECTION)
                .create(context(IMAGE, 1));
    }

    @Test
    void dcganDiscriminatorWithSpectralNormHasTheSameParametersAndOneVectorPerLayer() {
        FastNetwork plain = fast(dcganD(true, false, null).network());
        FastNetwork normalized = fast(dcganD(true, true, null).network());
        long parameters = (1 * 4 * 16 + 4) + (4 * 8 * 16 + 8) + 2 * 8 + (8 * 2 * 2 + 1);
        assertEquals(parameters, plain.parameterCount());
        assertEquals(parameters, normalized.parameterCount());
        assertEquals(2 * 8, plain.state().length(), "batch-norm statistics");
        assertEquals(2 * 8 + 4 + 8 + 1, normalized.state().length(), "and u of both convolutions and the linear layer");
        assertEquals(2, count(normalized.profile(), "ConvolutionLayer+SN"));
        assertEquals(1, count(normalized.profile(), "DenseLayer+SN"));
        assertTrue(plain.profile().stream().noneMatch(line -> line.contains("+SN")));
    }

    @Test
    void otherModelsWithSpectralNormNormalizeEveryWeightLayer() {
        FastNetwork dcganG = fast(new DcganGeneratorSpec(6, new int[] {8, 4}, null, DcganLayout.PROJECTION, true, null, null)
                .create(context(IMAGE, 2)).network());
        assertEquals(1, count(dcganG.profile(), "DenseLayer+SN"));
        assertEquals(2, count(dcganG.profile(), "ConvolutionLayer+SN"));
        assertEquals((6 * 32 + 32) + 2 * 32 + (8 * 4 * 16 + 4) + 2 * 4 + (4 * 16 + 1), dcganG.parameterCount());
        assertEquals(2 * 32 + 2 * 4 + 32 + 4 + 1, dcganG.state().length());

        FastNetwork mlpG = fast(new MlpGeneratorSpec(3, new int[] {10}, false, "linear", true, null).create(context(POINT, 3)).network());
        assertEquals(2, count(mlpG.profile(), "DenseLayer+SN"));
        assertEquals((3 * 10 + 10) + (10 * 2 + 2), mlpG.parameterCount());
        assertEquals(10 + 2, mlpG.state().length());

        FastNetwork mlpD = fast(new MlpDiscriminatorSpec(new int[] {10}, 0.2, true, null).create(context(POINT, 4)).network());
        assertEquals(2, count(mlpD.profile(), "DenseLayer+SN"));
        assertEquals(10 + 1, mlpD.state().length());
        FastNetwork plainD = fast(new MlpDiscriminatorSpec(new int[] {10}, 0.2).create(context(POINT, 4)).network());
        assertEquals(plainD.parameterCount(), mlpD.parameterCount());
        assertEquals(0, count(plainD.profile(), "DenseLayer+SN"));
    }

    @Test
    void dcganDiscriminatorWithoutBatchNormKeepsItsConvolutionBiasesOnBothEngines() {
        FastNetwork fastD = fast(dcganD(false, false, LayerEngine.FAST).network());
        long withBatchNorm = dcganD(true, false, LayerEngine.FAST).network().parameterCount();
        assertEquals(withBatchNorm - 2 * 8, fastD.parameterCount());
        assertEquals(0, count(fastD.profile(), "BatchNormLayer"));
        assertEquals(1, fastD.state().length(), "no statistics (the state buffer is never empty)");

        TrainableNetwork stock = dcganD(false, false, LayerEngine.DL4J).network();
        assertEquals(fastD.parameterCount(), stock.parameterCount());
        assertEquals(withBatchNorm + 2 * 8, dcganD(true, false, LayerEngine.DL4J).network().parameterCount(),
                "DL4J counts the running mean and variance as parameters");
        MultiLayerNetwork net = ((MultiLayerNetworkAdapter) stock).network();
        List<INDArray> parts = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            assertFalse(layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization);
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) {
                assertTrue(layer.paramTable().containsKey("b"), "a convolution without batch norm after it keeps its bias");
            }
            for (String key : List.of("W", "b")) {
                INDArray param = layer.paramTable().get(key);
                if (param != null) {
                    parts.add(param.dup('c').reshape(param.length()));
                }
            }
        }
        fastD.setParameters(Nd4j.concat(0, parts.toArray(new INDArray[0])));
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, IMAGE.withBatch(3)).subi(0.5);
        INDArray expected = stock.forward(x, true).dup();
        INDArray actual = fastD.forward(x, true).dup();
        assertTrue(expected.equalsWithEps(actual, 1e-5), "the same discriminator on both engines: " + expected + " vs " + actual);
    }

    /**
     * Scaling every weight of a spectrally normalized discriminator changes nothing, and with u converged
     * each dense layer has operator norm 1, so with leaky ReLUs the whole MLP is 1-Lipschitz: the bound
     * SN-GAN is built on. A plain discriminator with the same scaled weights is far from either.
     */
    @Test
    void aSpectrallyNormalizedMlpDiscriminatorIsOneLipschitzWhateverTheWeightScale() {
        INDArray x = new NormalSampler(6).next(DataType.FLOAT, 64, 2);
        INDArray y = new NormalSampler(7).next(DataType.FLOAT, 64, 2);
        double[] worst = new double[2];
        for (boolean spectralNorm : new boolean[] {true, false}) {
            TrainableNetwork d = new MlpDiscriminatorSpec(new int[] {16, 16}, 0.2, spectralNorm, null).create(context(POINT, 8)).network();
            for (int i = 0; i < 200; i++) {
                d.forward(x, true);
            }
            INDArray before = d.forward(x, false).dup();
            d.setParameters(d.parameters().muli(100));
            INDArray after = d.forward(x, false).dup();
            if (spectralNorm) {
                assertTrue(before.equalsWithEps(after, 1e-5), "scale invariance: " + before + " vs " + after);
            } else {
                assertFalse(before.equalsWithEps(after, 1e-2));
            }
            INDArray change = after.sub(d.forward(y, false)).reshape(64);
            INDArray distance = x.sub(y).norm2(1);
            worst[spectralNorm ? 0 : 1] = Transforms.abs(change).divi(distance).maxNumber().doubleValue();
        }
        assertTrue(worst[0] <= 1.001, "spectrally normalized: |D(x) - D(y)| / |x - y| up to " + worst[0]);
        assertTrue(worst[0] > 0.05, "not a constant: " + worst[0]);
        assertTrue(worst[1] > 10, "plain: " + worst[1]);
    }

    /** Too many stages for the image are a config error on channels, whatever their number (no shift overflow). */
    @Test
    void tooManyStagesForTheImageNameTheChannels() {
        for (int stages : new int[] {4, 31, 32, 64}) {
            int[] channels = new int[stages];
            java.util.Arrays.fill(channels, 4);
            InvalidValueException g = assertThrows(InvalidValueException.class,
                    () -> new DcganGeneratorSpec(6, channels, false, null).create(context(IMAGE, 1)));
            assertEquals("channels", g.field());
            InvalidValueException d = assertThrows(InvalidValueException.class,
                    () -> new DcganDiscriminatorSpec(channels, 0.2, false).create(context(IMAGE, 1)));
            assertEquals("channels", d.field());
        }
    }

    @Test
    void anSnGanTrainsAFewSteps() {
        Generator g = new DcganGeneratorSpec(8, new int[] {8, 4}, true, null).create(context(IMAGE, 10));
        Discriminator d = dcganD(false, true, null);
        trainAFewSteps(g, d, IMAGE, new long[] {4, 8, 1});
    }

    @Test
    void anMlpGanWithSpectralNormTrainsAFewSteps() {
        Generator g = new MlpGeneratorSpec(3, new int[] {16}, false, "linear", true, null).create(context(POINT, 11));
        Discriminator d = new MlpDiscriminatorSpec(new int[] {16}, 0.2, true, null).create(context(POINT, 12));
        trainAFewSteps(g, d, POINT, new long[] {16, 1});
    }

    /** Non-saturating GAN steps (Goodfellow et al. 2014) on random data; {@code uSizes} lays out D's state, one u per layer. */
    private static void trainAFewSteps(Generator g, Discriminator d, Shape shape, long[] uSizes) {
        int n = 16;
        NormalSampler normal = new NormalSampler(13);
        INDArray gBefore = g.network().parameters();
        INDArray dBefore = d.network().parameters();
        INDArray uBefore = fast(d.network()).state();
        for (int step = 0; step < 5; step++) {
            INDArray real = Transforms.tanh(normal.next(DataType.FLOAT, shape.withBatch(n)));
            INDArray z = normal.next(DataType.FLOAT, n, g.latentDim());
            TrainableNetwork gn = g.network();
            TrainableNetwork dn = d.network();
            INDArray fake = gn.forward(z, true).dup();
            INDArray realLogits = dn.forward(real, true).dup();
            dn.accumulateGradient(Transforms.sigmoid(realLogits, true).subi(1));
            INDArray fakeLogits = dn.forward(fake, true).dup();
            dn.accumulateGradient(Transforms.sigmoid(fakeLogits, true));
            dn.applyGradients(n);
            double dLoss = Transforms.softPlus(realLogits.neg(), true).meanNumber().doubleValue()
                    + Transforms.softPlus(fakeLogits, true).meanNumber().doubleValue();
            INDArray logits = dn.forward(gn.forward(z, true), true).dup();
            gn.backward(dn.inputGradient(Transforms.sigmoid(logits, true).subi(1)));
            gn.applyGradients(n);
            double gLoss = Transforms.softPlus(logits.neg(), true).meanNumber().doubleValue();
            assertTrue(Double.isFinite(dLoss) && Double.isFinite(gLoss), "losses at step " + step + ": " + dLoss + ", " + gLoss);
        }
        assertNotEquals(gBefore, g.network().parameters());
        assertNotEquals(dBefore, d.network().parameters());
        INDArray u = fast(d.network()).state();
        assertNotEquals(uBefore, u);
        long offset = 0;
        for (long size : uSizes) {
            assertEquals(1, u.get(NDArrayIndex.interval(offset, offset + size)).norm2Number().doubleValue(), 1e-5, "a unit u");
            offset += size;
        }
        assertEquals(offset, u.length());
        INDArray samples = g.generate(new NormalSampler(14).next(DataType.FLOAT, 4, g.latentDim()));
        assertFalse(samples.isNaN().any() || samples.isInfinite().any(), "finite samples");
    }
}
