package dev.gan4j.models;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.nn.FastNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code dcgan} pair at 64x64 RGB is PyTorch's DCGAN example; other sizes and widths follow its pattern. */
@ExtendWith(DoublePrecision.class)
class DcganLayoutTest {
    private static final Shape RGB64 = Shape.image(3, 64, 64);

    private static ModelContext context(Shape shape) {
        return new ModelContext(shape, 0, 3, new Adam(2e-4, 0.5, 0.999, 1e-8), DataType.DOUBLE);
    }

    private static FastNetwork generator(DcganGeneratorSpec spec, Shape shape) {
        return (FastNetwork) spec.create(context(shape)).network();
    }

    private static FastNetwork discriminator(DcganDiscriminatorSpec spec, Shape shape) {
        return (FastNetwork) spec.create(context(shape)).network();
    }

    /** 3,576,704 and 2,765,568 parameters: the counts PyTorch reports for netG and netD of examples/dcgan (nz 100, ngf = ndf = 64). */
    @Test
    void at64x64ItIsPyTorchsDcganExample() {
        FastNetwork g = generator(new DcganGeneratorSpec(100, null), RGB64);
        assertEquals(3_576_704, g.parameterCount());
        assertEquals(2 * (512 + 256 + 128 + 64), g.state().length(), "running statistics per channel, BatchNorm2d after the projection too");
        assertEquals(RGB64, g.outputShape());
        FastNetwork d = discriminator(new DcganDiscriminatorSpec(null, null, null), RGB64);
        assertEquals(2_765_568, d.parameterCount());
        assertEquals(2 * (128 + 256 + 512), d.state().length());
        assertTrue(d.profile().get(0).contains("[3, 64, 64]") && d.profile().get(0).contains("[64, 32, 32]"), d.profile().get(0));
    }

    /** PyTorch's ConvTranspose2d(100, c, 4, 1, 0) of z as a 1x1 map, weight [100, c, 4, 4], equals the projection the generator computes. */
    @Test
    void theProjectionIsTheTransposedConvolutionOfZ() {
        FastNetwork g = generator(new DcganGeneratorSpec(5, null, 2, null, null, null, null), Shape.image(1, 16, 16));
        int c0 = 4;
        INDArray weights = g.parameters().get(NDArrayIndex.interval(0, 5 * c0 * 16)).reshape('c', 5, c0, 4, 4);
        Nd4j.getRandom().setSeed(4);
        INDArray z = Nd4j.randn(DataType.DOUBLE, 3, 5);
        INDArray expected = Nd4j.create(DataType.DOUBLE, 3, c0, 4, 4);
        Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(z.reshape('c', 3, 5, 1, 1), weights).addOutputs(expected)
                .addIntegerArguments(4, 4, 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
        g.startProfiling();
        g.forward(z, true);
        List<String> profile = g.profile();
        assertTrue(profile.get(0).startsWith("DenseLayer ") && profile.get(1).startsWith("ReshapeLayer ")
                && profile.get(2).startsWith("BatchNormLayer ") && profile.get(2).contains("[4, 4, 4]"), String.join("\n", profile));
        FastNetwork projection = FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).dense(c0 * 16, false)
                .reshape(Shape.image(c0, 4, 4)).build(new Adam(), 1, 0.02);
        projection.setParameters(weights.reshape(-1));
        assertTrue(expected.equalsWithEps(projection.forward(z, false), 1e-12));
    }

    @Test
    void widthSetsEveryStageAndOtherPowersOfTwoGetTheirOwnStages() {
        assertEquals(generator(new DcganGeneratorSpec(100, new int[] {256, 128, 64, 32}), RGB64).parameterCount(),
                generator(new DcganGeneratorSpec(100, null, 32, null, null, null, null), RGB64).parameterCount());
        FastNetwork g32 = generator(new DcganGeneratorSpec(100, null), Shape.image(1, 32, 32));
        assertEquals(100 * 256 * 16 + 2 * 256 + 256 * 128 * 16 + 2 * 128 + 128 * 64 * 16 + 2 * 64 + 64 * 16, g32.parameterCount());
        FastNetwork d128 = discriminator(new DcganDiscriminatorSpec(null, null, null, null, null, null, null, 16, null),
                Shape.image(3, 128, 128));
        assertEquals(3 * 16 * 16 + 16 * 32 * 16 + 2 * 32 + 32 * 64 * 16 + 2 * 64 + 64 * 128 * 16 + 2 * 128 + 128 * 256 * 16 + 2 * 256
                + 256 * 16, d128.parameterCount());
    }

    @Test
    void at28x28ItStaysTheDcgan28Reference() {
        FastNetwork g = generator(new DcganGeneratorSpec(100, null), Shape.image(1, 28, 28));
        assertEquals(100 * 6272 + 6272 + 2 * 6272 + 128 * 64 * 16 + 64 + 2 * 64 + 64 * 16 + 1, g.parameterCount());
        FastNetwork d = discriminator(new DcganDiscriminatorSpec(null, null, null), Shape.image(1, 28, 28));
        assertEquals(16 * 64 + 64 + 64 * 128 * 16 + 128 + 2 * 128 + 6272 + 1, d.parameterCount());
    }

    @Test
    void layoutErrorsNameTheirField() {
        InvalidValueException both = assertThrows(InvalidValueException.class,
                () -> new DcganGeneratorSpec(100, new int[] {8}, 8, null, null, null, null).create(context(RGB64)));
        assertEquals("width", both.field());
        InvalidValueException dl4j = assertThrows(InvalidValueException.class,
                () -> new DcganGeneratorSpec(100, null, null, LayerEngine.DL4J).create(context(RGB64)));
        assertEquals("layers", dl4j.field());
        assertTrue(dl4j.getMessage().contains("\"layout\": \"projection\""), dl4j.getMessage());
        assertArrayEquals(new long[] {1, 8, 8}, generator(new DcganGeneratorSpec(4, new int[] {8, 4}, null, DcganLayout.PROJECTION,
                null, null, null), Shape.image(1, 8, 8)).outputShape().dims());
    }
}
