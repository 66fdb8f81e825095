package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.FiniteDifferences;
import dev.gan4j.nn.ConditionalDiscriminator;
import dev.gan4j.nn.FastNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SN-GAN ResNet pair: its layouts, sizes, conditions and gradients. */
@ExtendWith(DoublePrecision.class)
class ResnetModelsTest {
    private static ModelContext context(Shape shape, int conditionDim) {
        return new ModelContext(shape, conditionDim, 7, new Adam(2e-4, 0.0, 0.9, 1e-8), DataType.DOUBLE);
    }

    private static long upBlock(long in, long out) {
        return 2 * in + 9 * in * out + out + 2 * out + 9 * out * out + out + in * out + out;
    }

    /** SN-GAN's 64x64 generator: z 128 to 4x4x1024, four up-blocks to 64 maps, BN, ReLU, conv to RGB. */
    @Test
    void theSnGan64x64GeneratorHasItsLayersAndParameters() {
        FastNetwork g = (FastNetwork) new ResnetGeneratorSpec(128, null, 64, new int[] {16, 8, 4, 2, 1}, null)
                .create(context(Shape.image(3, 64, 64), 0)).network();
        long expected = 128L * 1024 * 16 + 1024 * 16 + upBlock(1024, 512) + upBlock(512, 256) + upBlock(256, 128) + upBlock(128, 64)
                + 2 * 64 + 9 * 64 * 3 + 3;
        assertEquals(expected, g.parameterCount());
        assertEquals(Shape.image(3, 64, 64), g.outputShape());
        assertEquals(4, g.profile().stream().filter(line -> line.startsWith("Residual")).count());
    }

    /** At 28x28 the maps start at 7x7 and two up-blocks reach the image. */
    @Test
    void fashionMnistSizedPairGradientsAreExact() {
        Shape image = Shape.image(1, 8, 8);
        FastNetwork g = (FastNetwork) new ResnetGeneratorSpec(3, new int[] {3, 2}, null, null, null).create(context(image, 0)).network();
        assertEquals(image, g.outputShape());
        g.setParameters(Nd4j.rand(DataType.DOUBLE, g.parameterCount()).subi(0.5));
        Nd4j.getRandom().setSeed(3);
        FiniteDifferences.checkGradients(g, Nd4j.randn(DataType.DOUBLE, 4, 3), Nd4j.randn(DataType.DOUBLE, 4, 1, 8, 8), 80);

        FastNetwork d = (FastNetwork) new ResnetDiscriminatorSpec(new int[] {2, 3}, null, null, null, null, null)
                .create(context(image, 0)).network();
        assertEquals(7, d.spectralNorms().size(), "2 + 1 convolutions of the first block, 2 + 1 of the last (2 to 3 maps), the output");
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 1, 8, 8);
        for (int i = 0; i < 100; i++) {
            d.forward(x, true);
        }
        d.spectralNorms().forEach(sn -> sn.hold(true));
        FiniteDifferences.checkGradients(d, x, Nd4j.randn(DataType.DOUBLE, 4, 1), 80);
        assertEquals(Shape.image(1, 28, 28), new ResnetGeneratorSpec(8, new int[] {4, 4, 4}, null, null, null)
                .create(context(Shape.image(1, 28, 28), 0)).outputShape());
    }

    @Test
    void conditionsModulateEveryBatchNormAndDProjects() {
        Shape image = Shape.image(1, 8, 8);
        Generator g = new ResnetGeneratorSpec(3, new int[] {3, 2}, null, null, null).create(context(image, 2));
        FastNetwork gn = (FastNetwork) g.network();
        assertEquals(2, gn.conditionDim());
        assertTrue(gn.profile().stream().anyMatch(line -> line.contains("ConditionalBatchNormLayer")), String.join("\n", gn.profile()));
        Discriminator d = new ResnetDiscriminatorSpec(null, 4, null, null, null, null).create(context(image, 2));
        assertInstanceOf(ConditionalDiscriminator.class, d);
    }

    @Test
    void sizeErrorsNameTheirField() {
        InvalidValueException count = assertThrows(InvalidValueException.class, () -> new ResnetGeneratorSpec(8, new int[] {4, 4}, null,
                null, null).create(context(Shape.image(3, 32, 32), 0)));
        assertEquals("channels", count.field());
        assertTrue(count.getMessage().contains("needs 4 values"), count.getMessage());
        InvalidValueException both = assertThrows(InvalidValueException.class, () -> new ResnetDiscriminatorSpec(new int[] {4, 4}, 4,
                null, null, null, null).create(context(Shape.image(3, 8, 8), 0)));
        assertEquals("channels", both.field());
        InvalidValueException odd = assertThrows(InvalidValueException.class, () -> new ResnetGeneratorSpec(8, null, 4, null, null)
                .create(context(Shape.image(1, 7, 7), 0)));
        assertEquals("type", odd.field());
    }
}
