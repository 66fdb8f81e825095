package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.function.Consumer;


/**
 * Every layer's and block's parameter and input gradients against central finite differences of
 * L = sum(output * R) for a fixed random R, in double precision, at random parameters: every parameter, so that
 * no bias or shift escapes.
 */
@ExtendWith(DoublePrecision.class)
class LayerGradientTest {
    @Test
    void dense() {
        check(Shape.vector(5), b -> b.dense(4));
    }

    @Test
    void denseFlattensImages() {
        check(Shape.image(2, 3, 3), b -> b.dense(3));
    }

    @Test
    void convolution() {
        check(Shape.image(2, 8, 8), b -> b.conv(3, 4, 2, 1));
    }

    @Test
    void transposedConvolution() {
        check(Shape.image(3, 4, 4), b -> b.deconv(2, 4, 2, 1));
    }

    /** Odd kernels, unit stride, no padding and non-square maps: the layouts DCGAN's 4-2-1 never exercises. */
    @Test
    void convolutionsOfOtherGeometries() {
        check(Shape.image(2, 7, 5), b -> b.conv(3, 3, 1, 0));
        check(Shape.image(2, 6, 6), b -> b.conv(2, 5, 2, 2));
        check(Shape.image(2, 3, 4), b -> b.deconv(3, 3, 1, 1));
        check(Shape.image(1, 3, 3), b -> b.deconv(2, 3, 2, 0));
    }

    @Test
    void batchNormOfImagesInTrainingMode() {
        check(Shape.image(3, 4, 4), b -> b.batchNorm());
    }

    @Test
    void batchNormOfVectorsInTrainingMode() {
        check(Shape.vector(4), b -> b.batchNorm());
    }

    @Test
    void activations() {
        check(Shape.vector(6), b -> b.relu());
        check(Shape.vector(6), b -> b.leakyRelu(0.2));
        check(Shape.vector(6), b -> b.tanh());
        check(Shape.vector(6), b -> b.sigmoid());
    }

    @Test
    void convolutionsWithoutBias() {
        check(Shape.image(2, 6, 6), b -> b.conv(3, 4, 2, 1, false));
        check(Shape.image(3, 1, 1), b -> b.deconv(2, 4, 1, 0, false));
        check(Shape.image(2, 5, 5), b -> b.conv(2, 3, 1, 1, false).batchNorm());
    }

    /** The kernels of residual networks: 1x1 projections, 3x3 and SRResNet's 9x9 output, size-preserving padding. */
    @Test
    void oddKernelsKeepingTheSize() {
        check(Shape.image(3, 4, 4), b -> b.conv(2, 1, 1, 0));
        check(Shape.image(2, 5, 4), b -> b.conv(3, 3, 1, 1));
        check(Shape.image(2, 9, 9), b -> b.conv(1, 9, 1, 4));
        check(Shape.image(2, 5, 6), b -> b.conv(2, 3, 1, 0));
        check(Shape.image(4, 6, 5), b -> b.conv(3, 5, 1, 3, false));
    }

    @Test
    void upsampling() {
        check(Shape.image(2, 3, 2), b -> b.upsample(2));
        check(Shape.image(1, 2, 2), b -> b.upsample(3).conv(2, 3, 1, 1));
    }

    @Test
    void pixelShuffleBothWays() {
        check(Shape.image(8, 2, 3), b -> b.pixelShuffle(2));
        check(Shape.image(2, 4, 6), b -> b.pixelUnshuffle(2));
        check(Shape.image(3, 3, 3), b -> b.conv(8, 3, 1, 1).pixelShuffle(2).conv(2, 3, 1, 1));
    }

    @Test
    void pooling() {
        check(Shape.image(2, 4, 6), b -> b.averagePool(2));
        check(Shape.image(2, 3, 3), b -> b.conv(3, 3, 1, 1).globalSumPool().dense(2));
    }

    @Test
    void residualBlocks() {
        check(Shape.image(2, 4, 4), b -> b.residual(main -> main.conv(2, 3, 1, 1).batchNorm().relu().conv(2, 3, 1, 1).batchNorm()));
        check(Shape.image(2, 4, 4), b -> b.residual(main -> main.conv(3, 3, 1, 1).leakyRelu(0.2).conv(3, 3, 1, 1),
                skip -> skip.conv(3, 1, 1, 0)).leakyRelu(0.2));
    }

    /** SN-GAN's up-block (Miyato et al. 2018): BN, ReLU, upsample, conv, BN, ReLU, conv; skip: upsample, 1x1 conv. */
    @Test
    void snGanGeneratorBlock() {
        check(Shape.image(3, 2, 2), b -> b.residual(
                main -> main.batchNorm().relu().upsample(2).conv(2, 3, 1, 1).batchNorm().relu().conv(2, 3, 1, 1),
                skip -> skip.upsample(2).conv(2, 1, 1, 0)).batchNorm().relu().conv(1, 3, 1, 1).tanh());
    }

    /** SN-GAN's down-blocks: ReLU, conv, ReLU, conv, average pool; skip: 1x1 conv, average pool; then sum pooling. */
    @Test
    void snGanDiscriminatorBlocks() {
        check(Shape.image(1, 8, 8), b -> b
                .residual(main -> main.conv(2, 3, 1, 1).relu().conv(2, 3, 1, 1).averagePool(2),
                        skip -> skip.averagePool(2).conv(2, 1, 1, 0))
                .residual(main -> main.relu().conv(3, 3, 1, 1).relu().conv(3, 3, 1, 1).averagePool(2),
                        skip -> skip.conv(3, 1, 1, 0).averagePool(2))
                .relu().globalSumPool().dense(1));
    }

    /** Blocks inside blocks, and a grouped sequence, bind their parameters in order like top-level layers. */
    @Test
    void nestedBlocks() {
        check(Shape.image(2, 4, 4), b -> b.sequence(s -> s.conv(2, 3, 1, 1).relu())
                .residual(outer -> outer.residual(inner -> inner.conv(2, 3, 1, 1).tanh()).conv(3, 1, 1, 0),
                        skip -> skip.sequence(s -> s.conv(3, 1, 1, 0, false)))
                .dense(2));
    }

    @Test
    void dcganShapedStacks() {
        check(Shape.vector(4), b -> b.dense(3 * 4 * 4).batchNorm().relu().reshape(Shape.image(3, 4, 4))
                .deconv(2, 4, 2, 1).batchNorm().relu().deconv(1, 4, 2, 1).tanh());
        check(Shape.image(1, 8, 8), b -> b.conv(2, 4, 2, 1).leakyRelu(0.2).conv(3, 4, 2, 1).batchNorm().leakyRelu(0.2).dense(1));
    }

    private static void check(Shape input, Consumer<FastNetwork.Builder> layers) {
        FastNetwork.Builder builder = FastNetwork.builder(input, DataType.DOUBLE);
        layers.accept(builder);
        FastNetwork net = builder.build(new Sgd(0.1), 5, 0.5);
        Nd4j.getRandom().setSeed(11);
        // every parameter random, batch norm's scale and shift included: at their initial 1 and 0 a backward pass
        // that dropped the scale would still match
        if (net.parameterCount() > 0) {
            net.setParameters(Nd4j.randn(DataType.DOUBLE, net.parameterCount()).muli(0.5));
        }
        INDArray x = Nd4j.randn(DataType.DOUBLE, input.withBatch(4));
        INDArray r = Nd4j.randn(DataType.DOUBLE, net.outputShape().withBatch(4));
        FiniteDifferences.checkGradients(net, x, r, Integer.MAX_VALUE);
    }
}
