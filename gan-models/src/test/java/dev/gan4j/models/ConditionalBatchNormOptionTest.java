package dev.gan4j.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generators' {@code conditionalBatchNorm} option (de Vries et al. 2017): which layers it builds, that an
 * untrained generator with it computes what one without it computes, that the condition then modulates the
 * feature maps, its checks, and a few non-saturating training steps of a class-conditional DCGAN.
 */
class ConditionalBatchNormOptionTest {
    private static final Shape IMAGE = Shape.image(1, 8, 8);
    private static final Shape POINT = Shape.vector(2);
    private static final int CLASSES = 3;
    private static final int LATENT = 6;
    /** The DCGAN generator's projection: (6 + 3) -> 8 maps of 2x2. */
    private static final int PROJECTED = 8 * 2 * 2;

    private final ObjectMapper mapper = Plugins.registry().mapper();

    private static ModelContext context(Shape shape, int conditionDim, long seed) {
        return new ModelContext(shape, conditionDim, seed, new Adam(2e-4, 0.5, 0.999, 1e-8), DataType.FLOAT);
    }

    private static Generator dcgan(boolean conditionalBatchNorm, long seed) {
        return new DcganGeneratorSpec(LATENT, new int[] {8, 4}, null, DcganLayout.PROJECTION, null, null, conditionalBatchNorm)
                .create(context(IMAGE, CLASSES, seed));
    }

    private static FastNetwork fast(TrainableNetwork network) {
        return (FastNetwork) network;
    }

    private static long count(FastNetwork net, String layer) {
        return net.profile().stream().filter(line -> line.startsWith(layer + " ")).count();
    }

    private static INDArray oneHot(int n, int... labels) {
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) {
            c.putScalar(i, labels[i % labels.length], 1);
        }
        return c;
    }

    /** Zeroes the weights from the condition columns in G's first (projection) layer; returns the parameters set. */
    private static INDArray blindProjection(TrainableNetwork g) {
        INDArray parameters = g.parameters();
        parameters.get(NDArrayIndex.interval((long) LATENT * PROJECTED, (long) (LATENT + CLASSES) * PROJECTED)).assign(0);
        g.setParameters(parameters);
        return parameters;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }

    @Test
    void everyBatchNormBecomesConditionalAndOnlyTheAffineParametersChange() {
        FastNetwork plain = fast(dcgan(false, 1).network());
        FastNetwork conditional = fast(dcgan(true, 1).network());
        long shared = ((LATENT + CLASSES) * PROJECTED + PROJECTED) + (8 * 4 * 16 + 4) + (4 * 16 + 1);
        assertEquals(shared + 2 * PROJECTED + 2 * 4, plain.parameterCount());
        assertEquals(shared + 2L * CLASSES * PROJECTED + 2L * CLASSES * 4, conditional.parameterCount(),
                "W_gamma and W_beta [conditionDim, features] replace each batch norm's scale and shift");
        assertEquals(plain.state().length(), conditional.state().length(), "the same running statistics");
        assertEquals(2, count(plain, "BatchNormLayer"));
        assertEquals(0, count(plain, "ConditionalBatchNormLayer"));
        assertEquals(0, count(conditional, "BatchNormLayer"));
        assertEquals(2, count(conditional, "ConditionalBatchNormLayer"));
        assertEquals(CLASSES, conditional.conditionDim());
        assertEquals(0, plain.conditionDim());

        FastNetwork mlp = fast(new MlpGeneratorSpec(3, new int[] {10, 6}, true, "linear", null, null, true)
                .create(context(POINT, CLASSES, 2)).network());
        assertEquals(2, count(mlp, "ConditionalBatchNormLayer"));
        assertEquals(((3 + CLASSES) * 10 + 10) + 2 * CLASSES * 10 + (10 * 6 + 6) + 2 * CLASSES * 6 + (6 * 2 + 2), mlp.parameterCount());
    }

    /** The maps start at zero: the same weights as without the option, and exactly the same outputs. */
    @Test
    void untrainedItComputesWhatThePlainGeneratorComputes() {
        Generator plain = dcgan(false, 3);
        Generator conditional = dcgan(true, 3);
        NormalSampler normal = new NormalSampler(4);
        for (int step = 0; step < 3; step++) {
            INDArray input = plain.input(normal.next(DataType.FLOAT, 8, LATENT), oneHot(8, step, 0, 2));
            assertEquals(0, maxDifference(plain.network().forward(input, true), conditional.network().forward(input, true)), "training");
        }
        INDArray input = plain.input(normal.next(DataType.FLOAT, 8, LATENT), oneHot(8, 1, 2));
        assertEquals(0, maxDifference(plain.generate(input), conditional.generate(input)), "inference, running statistics");
    }

    /**
     * With the projection blind to the condition only the conditional batch norms can read it: nothing changes
     * with the class while W_gamma and W_beta are zero, the samples do once they are not.
     */
    @Test
    void theConditionModulatesTheFeatureMaps() {
        Generator g = dcgan(true, 5);
        INDArray parameters = blindProjection(g.network());
        INDArray z = new NormalSampler(6).next(DataType.FLOAT, 4, LATENT);
        INDArray first = g.input(z, oneHot(4, 0));
        INDArray second = g.input(z, oneHot(4, 1));
        assertEquals(0, maxDifference(g.generate(first).dup(), g.generate(second)));

        long maps = (LATENT + CLASSES) * PROJECTED + PROJECTED;
        parameters.get(NDArrayIndex.interval(maps, maps + 2L * CLASSES * PROJECTED))
                .assign(new NormalSampler(7).next(DataType.FLOAT, 2L * CLASSES * PROJECTED).muli(0.5));
        g.network().setParameters(parameters);
        double difference = maxDifference(g.generate(first).dup(), g.generate(second));
        assertTrue(difference > 1e-3, "another class, other samples: " + difference);
    }

    @Test
    void theOptionIsCheckedAndNamed() {
        List<Executable> wrong = List.of(
                () -> new DcganGeneratorSpec(LATENT, new int[] {8, 4}, null, null, true).create(context(IMAGE, 0, 1)),
                () -> new MlpGeneratorSpec(3, new int[] {10}, true, null, null, null, true).create(context(POINT, 0, 1)),
                () -> new DcganGeneratorSpec(null, null, null, LayerEngine.DL4J, true),
                () -> new MlpGeneratorSpec(null, null, true, null, null, LayerEngine.DL4J, true),
                () -> new MlpGeneratorSpec(null, null, false, null, null, null, true));
        List<String> problems = List.of("unconditional", "unconditional", "fast layers", "fast layers", "\"batchNorm\": true");
        for (int i = 0; i < wrong.size(); i++) {
            Executable call = wrong.get(i);
            InvalidValueException e = assertThrows(InvalidValueException.class, call);
            assertEquals("conditionalBatchNorm", e.field());
            assertTrue(e.problem().contains(problems.get(i)), e.problem());
        }
    }

    @Test
    void jsonDefaultsToOffAndRoundTrips() throws Exception {
        assertFalse(generator("{\"type\": \"dcgan\"}").get("conditionalBatchNorm").booleanValue());
        assertFalse(generator("{\"type\": \"mlp\", \"batchNorm\": true}").get("conditionalBatchNorm").booleanValue());
        assertTrue(generator("{\"type\": \"dcgan\", \"conditionalBatchNorm\": true}").get("conditionalBatchNorm").booleanValue());
        assertTrue(generator("{\"type\": \"mlp\", \"batchNorm\": true, \"conditionalBatchNorm\": true}").get("conditionalBatchNorm")
                .booleanValue());
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class, () -> mapper.readValue(
                "{\"type\": \"dcgan\", \"conditionalBatchNorm\": true, \"layers\": \"dl4j\"}", GeneratorSpec.class));
        assertEquals("conditionalBatchNorm", assertInstanceOf(InvalidValueException.class, e.getCause()).field());
    }

    private JsonNode generator(String json) throws Exception {
        GeneratorSpec spec = mapper.readValue(json, GeneratorSpec.class);
        JsonNode tree = mapper.readTree(mapper.writerFor(GeneratorSpec.class).writeValueAsString(spec));
        GeneratorSpec again = mapper.treeToValue(tree, GeneratorSpec.class);
        assertEquals(tree, mapper.readTree(mapper.writerFor(GeneratorSpec.class).writeValueAsString(again)), "round trip");
        return tree;
    }

    /**
     * Non-saturating GAN steps (Goodfellow et al. 2014) of a class-conditional DCGAN: G with conditional batch
     * norm, D with a projection (Miyato &amp; Koyama 2018). The maps learn, G's input gradient reaches the
     * condition columns, and each class then gets its own samples.
     */
    @Test
    void aConditionalDcganTrainsAFewSteps() {
        Generator g = dcgan(true, 8);
        Discriminator d = new DcganDiscriminatorSpec(new int[] {4, 8}, 0.2, true, null, null, null, null, null, DcganLayout.PROJECTION)
                .create(context(IMAGE, CLASSES, 9));
        TrainableNetwork gn = g.network();
        TrainableNetwork dn = d.network();
        long mapsStart = (LATENT + CLASSES) * PROJECTED + PROJECTED;
        long mapsEnd = mapsStart + 2L * CLASSES * PROJECTED;
        assertEquals(0, gn.parameters().get(NDArrayIndex.interval(mapsStart, mapsEnd)).norm2Number().doubleValue());
        int n = 12;
        NormalSampler normal = new NormalSampler(10);
        for (int step = 0; step < 5; step++) {
            INDArray c = oneHot(n, step % CLASSES, (step + 1) % CLASSES, (step + 2) % CLASSES);
            INDArray real = Transforms.tanh(normal.next(DataType.FLOAT, IMAGE.withBatch(n)));
            INDArray input = g.input(normal.next(DataType.FLOAT, n, LATENT), c);
            INDArray fake = gn.forward(input, true).dup();
            INDArray realLogits = d.judge(real, c, true).dup();
            dn.accumulateGradient(Transforms.sigmoid(realLogits, true).subi(1));
            INDArray fakeLogits = d.judge(fake, c, true).dup();
            dn.accumulateGradient(Transforms.sigmoid(fakeLogits, true));
            dn.applyGradients(n);
            INDArray logits = d.judge(gn.forward(input, true), c, true).dup();
            INDArray inputGradient = gn.backward(dn.inputGradient(Transforms.sigmoid(logits, true).subi(1)));
            gn.applyGradients(n);
            double dLoss = Transforms.softPlus(realLogits.neg(), true).meanNumber().doubleValue()
                    + Transforms.softPlus(fakeLogits, true).meanNumber().doubleValue();
            double gLoss = Transforms.softPlus(logits.neg(), true).meanNumber().doubleValue();
            assertTrue(Double.isFinite(dLoss) && Double.isFinite(gLoss), "losses at step " + step + ": " + dLoss + ", " + gLoss);
            INDArray conditionGradient = inputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(LATENT, LATENT + CLASSES));
            assertTrue(conditionGradient.norm2Number().doubleValue() > 0, "d loss / d c reaches the condition columns");
        }
        assertTrue(gn.parameters().get(NDArrayIndex.interval(mapsStart, mapsEnd)).norm2Number().doubleValue() > 0, "the maps learned");

        // G's first layer reads the condition columns too; without their weights only the learned maps carry the class
        blindProjection(gn);
        INDArray z = new NormalSampler(11).next(DataType.FLOAT, 4, LATENT);
        INDArray first = g.generate(g.input(z, oneHot(4, 0))).dup();
        INDArray second = g.generate(g.input(z, oneHot(4, 2))).dup();
        assertFalse(first.isNaN().any() || first.isInfinite().any(), "finite samples");
        assertTrue(maxDifference(first, second) > 1e-4, "each class its own samples through the maps: " + maxDifference(first, second));
        INDArray c = oneHot(4, 0, 1, 2);
        INDArray input = g.input(z, c);
        INDArray logits = d.judge(gn.forward(input, true), c, true).dup();
        INDArray conditionGradient = gn.inputGradient(dn.inputGradient(Transforms.sigmoid(logits, true).subi(1)))
                .get(NDArrayIndex.all(), NDArrayIndex.interval(LATENT, LATENT + CLASSES));
        assertTrue(conditionGradient.norm2Number().doubleValue() > 1e-6, "d loss / d c reaches the condition columns through the maps");
    }
}
