package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the image layers compute, against plain loops over PyTorch's definitions, and what blocks must pass on to the
 * layers inside them: conditions, spectral normalization, frozen activation patterns, running statistics, and a
 * plugin's own layer.
 */
@ExtendWith(DoublePrecision.class)
class BlockTest {
    private static final int N = 2;

    private static FastNetwork network(Shape input, Consumer<FastNetwork.Builder> layers) {
        FastNetwork.Builder builder = FastNetwork.builder(input, DataType.DOUBLE);
        layers.accept(builder);
        return builder.build(new Sgd(0.1), 5, 0.5);
    }

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    @Test
    void upsamplingRepeatsEachPixel() {
        INDArray x = random(1, N, 2, 3, 2);
        INDArray y = network(Shape.image(2, 3, 2), b -> b.upsample(3)).forward(x, false);
        assertEquals(Shape.image(2, 9, 6).withBatch(N)[2], y.size(2));
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < 2; c++) {
                for (int h = 0; h < 9; h++) {
                    for (int w = 0; w < 6; w++) {
                        assertEquals(x.getDouble(n, c, h / 3, w / 3), y.getDouble(n, c, h, w), 0, "pixel " + h + "," + w);
                    }
                }
            }
        }
    }

    /** PyTorch's order: output {@code (c, h r + i, w r + j)} is input {@code (c r^2 + i r + j, h, w)}. */
    @Test
    void pixelShuffleUsesPyTorchsChannelOrder() {
        int r = 2;
        INDArray x = random(2, N, 3 * r * r, 2, 3);
        INDArray y = network(Shape.image(12, 2, 3), b -> b.pixelShuffle(r)).forward(x, false);
        assertTrue(java.util.Arrays.equals(new long[] {N, 3, 4, 6}, y.shape()));
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 3; w++) {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < r; j++) {
                                assertEquals(x.getDouble(n, c * r * r + i * r + j, h, w), y.getDouble(n, c, h * r + i, w * r + j), 0);
                            }
                        }
                    }
                }
            }
        }
        INDArray back = network(Shape.image(3, 4, 6), b -> b.pixelUnshuffle(r)).forward(y, false);
        assertEquals(x, back, "unshuffle undoes shuffle");
    }

    @Test
    void averagePoolingAveragesEachWindow() {
        INDArray x = random(3, N, 2, 4, 6);
        INDArray y = network(Shape.image(2, 4, 6), b -> b.averagePool(2)).forward(x, false);
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < 2; c++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 3; w++) {
                        double mean = (x.getDouble(n, c, 2 * h, 2 * w) + x.getDouble(n, c, 2 * h + 1, 2 * w)
                                + x.getDouble(n, c, 2 * h, 2 * w + 1) + x.getDouble(n, c, 2 * h + 1, 2 * w + 1)) / 4;
                        assertEquals(mean, y.getDouble(n, c, h, w), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void globalSumPoolingSumsEachChannel() {
        INDArray x = random(4, N, 3, 4, 5);
        INDArray y = network(Shape.image(3, 4, 5), FastNetwork.Builder::globalSumPool).forward(x, false);
        assertTrue(x.sum(2, 3).equalsWithEps(y, 1e-12));
    }

    /**
     * A stride-1 convolution onto few maps runs as a transposed convolution of flipped weights (ThinConvolution): the same
     * output as libnd4j's conv2d, for SRResNet's 9x9 with size-preserving padding, a valid 3x3 and a padding wider than
     * the kernel's half.
     */
    @Test
    void thinConvolutionsEqualLibnd4jsConvolution() {
        int[][] cases = {{3, 9, 4}, {2, 3, 0}, {1, 3, 2}};
        for (int[] c : cases) {
            int out = c[0];
            int k = c[1];
            int p = c[2];
            FastNetwork net = network(Shape.image(5, 11, 10), b -> b.conv(out, k, 1, p));
            net.setParameters(random(4, net.parameterCount()));
            INDArray x = random(5, N, 5, 11, 10);
            INDArray w = net.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, (long) out * 5 * k * k))
                    .reshape('c', out, 5, k, k);
            INDArray bias = net.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval((long) out * 5 * k * k, net.parameterCount()));
            INDArray expected = Nd4j.create(DataType.DOUBLE, N, out, 11 + 2 * p - k + 1, 10 + 2 * p - k + 1);
            Nd4j.exec(org.nd4j.linalg.api.ops.DynamicCustomOp.builder("conv2d").addInputs(x, w, bias).addOutputs(expected)
                    .addIntegerArguments(k, k, 1, 1, p, p, 1, 1, 0, 0, 1).build());
            INDArray y = net.forward(x, false);
            assertTrue(expected.equalsWithEps(y, 1e-10), "k=" + k + " p=" + p);
        }
    }

    @Test
    void convolutionWithoutBiasHasNoBiasParameters() {
        assertEquals(2 * 3 * 3 * 3, network(Shape.image(3, 5, 5), b -> b.conv(2, 3, 1, 1, false)).parameterCount());
        assertEquals(2 * 3 * 3 * 3 + 2, network(Shape.image(3, 5, 5), b -> b.conv(2, 3, 1, 1)).parameterCount());
        assertEquals(100 * 64 * 16, network(Shape.image(100, 1, 1), b -> b.deconv(64, 4, 1, 0, false)).parameterCount());
    }

    /** A generator [z, c] -> dense -> map -> (condition map, convolution): each pixel sees the condition. */
    @Test
    void conditionMapTilesTheConditionAndReturnsItsGradient() {
        FastNetwork.Builder builder = FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).conditioned(2);
        FastNetwork net = builder.dense(2 * 3 * 3).reshape(Shape.image(2, 3, 3)).conditionMap().build(new Sgd(0.1), 5, 0.5);
        INDArray x = random(5, N, 5);
        INDArray y = net.forward(x, false);
        assertTrue(java.util.Arrays.equals(new long[] {N, 4, 3, 3}, y.shape()));
        for (int n = 0; n < N; n++) {
            for (int k = 0; k < 2; k++) {
                for (int p = 0; p < 9; p++) {
                    assertEquals(x.getDouble(n, 3 + k), y.getDouble(n, 2 + k, p / 3, p % 3), 0);
                }
            }
        }
        FastNetwork withConvolution = FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).conditioned(2)
                .dense(2 * 3 * 3).reshape(Shape.image(2, 3, 3)).conditionMap().conv(2, 3, 1, 1).tanh().build(new Sgd(0.1), 5, 0.5);
        FiniteDifferences.checkGradients(withConvolution, random(6, 4, 5), random(7, 4, 2, 3, 3), Integer.MAX_VALUE);
    }

    /**
     * A discriminator of image input reads rows [image, condition]: the condition map joins the condition to its
     * feature maps (StackGAN's discriminators), and the input gradient covers the image and the condition columns.
     */
    @Test
    void imageNetworksReadTheirConditionAfterTheImage() {
        FastNetwork net = FastNetwork.builder(Shape.image(1, 4, 4), DataType.DOUBLE).conditioned(2)
                .conv(2, 4, 2, 1).leakyRelu(0.2).conditionMap().conv(3, 1, 1, 0).leakyRelu(0.2).globalSumPool().dense(1)
                .build(new Sgd(0.1), 5, 0.5);
        assertTrue(net.imageWithCondition());
        INDArray rows = random(50, 4, 16 + 2);
        FiniteDifferences.checkGradients(net, rows, random(51, 4, 1), Integer.MAX_VALUE);
        assertEquals(18, net.inputGradient(random(52, 4, 1)).size(1));
        INDArray otherCondition = rows.dup();
        otherCondition.putScalar(1, 17, rows.getDouble(1, 17) + 1);
        INDArray before = net.forward(rows, false).dup();
        INDArray after = net.forward(otherCondition, false);
        assertTrue(Math.abs(before.getDouble(1, 0) - after.getDouble(1, 0)) > 1e-6, "the condition changes the judgement");
        assertEquals(before.getDouble(0, 0), after.getDouble(0, 0), 1e-12, "of its own example only");
    }

    /** Conditional batch norm inside a residual block still gets the condition, and gives its gradient back. */
    @Test
    void conditionsReachLayersInsideBlocks() {
        FastNetwork net = FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).conditioned(2)
                .dense(2 * 2 * 2).reshape(Shape.image(2, 2, 2))
                .residual(main -> main.conditionalBatchNorm().relu().upsample(2).conv(2, 3, 1, 1),
                        skip -> skip.upsample(2))
                .sequence(s -> s.conditionalBatchNorm().tanh())
                .build(new Sgd(0.1), 5, 0.5);
        net.setParameters(random(8, net.parameterCount()).muli(0.5));
        INDArray x = random(9, 4, 5);
        FiniteDifferences.checkGradients(net, x, random(10, 4, 2, 4, 4), Integer.MAX_VALUE);
        INDArray otherCondition = x.dup();
        otherCondition.putScalar(0, 4, x.getDouble(0, 4) + 1);
        assertTrue(net.forward(x, true).dup().sub(net.forward(otherCondition, true)).amaxNumber().doubleValue() > 1e-3,
                "the condition changes the output");
    }

    @Test
    void spectralNormReachesLayersInsideBlocks() {
        FastNetwork net = network(Shape.image(1, 4, 4), b -> b.spectralNorm(true)
                .residual(main -> main.conv(2, 3, 1, 1).relu().conv(2, 3, 1, 1), skip -> skip.conv(2, 1, 1, 0))
                .globalSumPool().dense(1));
        assertEquals(4, net.spectralNorms().size());
        INDArray x = random(11, 4, 1, 4, 4);
        for (int i = 0; i < 200; i++) {
            net.forward(x, true);
        }
        net.spectralNorms().forEach(sn -> sn.hold(true));
        FiniteDifferences.checkGradients(net, x, random(12, 4, 1), 60);
    }

    /**
     * A near pass keeps every activation pattern of the last training forward, in blocks too, so it is affine in its
     * input: near(x + d) + near(x - d) = 2 near(x) for a step d large enough to flip many ReLUs of a fresh pass.
     */
    @Test
    void nearPassesFreezeActivationsInsideBlocks() {
        FastNetwork net = network(Shape.image(2, 4, 4), b -> b
                .residual(main -> main.conv(2, 3, 1, 1).relu().conv(2, 3, 1, 1).leakyRelu(0.1), skip -> skip.conv(2, 1, 1, 0))
                .relu().averagePool(2).dense(1));
        INDArray x = random(13, N, 2, 4, 4);
        INDArray d = random(14, N, 2, 4, 4).muli(3);
        INDArray atX = net.forward(x, true).dup();
        assertTrue(atX.equalsWithEps(net.forwardNear(x), 1e-12), "near the pass itself it is the pass");
        INDArray plus = net.forwardNear(x.add(d)).dup();
        INDArray minus = net.forwardNear(x.sub(d)).dup();
        assertTrue(plus.add(minus).equalsWithEps(atX.mul(2), 1e-10), "affine: " + plus.add(minus) + " vs " + atX.mul(2));
        INDArray fresh = net.forward(x.add(d), true).dup().add(net.forward(x.sub(d), true));
        assertTrue(!fresh.equalsWithEps(atX.mul(2), 1e-6), "a fresh pass at x +- d is not affine, so the check means something");
    }

    @Test
    void runningStatisticsInsideBlocksAreSavedAndRestored() throws IOException {
        Consumer<FastNetwork.Builder> layers = b -> b.residual(main -> main.conv(2, 3, 1, 1).batchNorm().relu()).batchNorm();
        FastNetwork net = network(Shape.image(2, 3, 3), layers);
        assertEquals(2 * 2 + 2 * 2, net.state().length());
        for (int i = 0; i < 5; i++) {
            net.forward(random(20 + i, 4, 2, 3, 3).addi(i), true);
        }
        INDArray x = random(30, N, 2, 3, 3);
        INDArray expected = net.forward(x, false).dup();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        net.writeState(new DataOutputStream(bytes));
        FastNetwork restored = network(Shape.image(2, 3, 3), layers);
        restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(expected, restored.forward(x, false));
        assertTrue(!expected.equalsWithEps(network(Shape.image(2, 3, 3), layers).forward(x, false), 1e-6),
                "the running statistics moved, so restoring them matters");
    }

    /** A layer written outside the framework, through the public SPI, in a block and gradient-checked. */
    @Test
    void aPluginsOwnLayerWorksInsideBlocks() {
        FastNetwork.Builder builder = FastNetwork.builder(Shape.image(2, 3, 3), DataType.DOUBLE);
        builder.conv(2, 3, 1, 1).residual(main -> main.add(new ChannelScale(main.currentShape())).tanh());
        FastNetwork net = builder.globalSumPool().build(new Sgd(0.1), 5, 0.5);
        assertEquals(2 * 2 * 9 + 2 + 2, net.parameterCount());
        net.setParameters(random(40, net.parameterCount()));
        FiniteDifferences.checkGradients(net, random(41, 4, 2, 3, 3), random(42, 4, 2), Integer.MAX_VALUE);
    }

    @Test
    void builderErrorsNameTheProblem() {
        FastNetwork.Builder builder = FastNetwork.builder(Shape.image(2, 4, 4), DataType.DOUBLE);
        IllegalArgumentException paths = assertThrows(IllegalArgumentException.class,
                () -> builder.residual(main -> main.conv(3, 3, 1, 1)));
        assertTrue(paths.getMessage().contains("[3, 4, 4]") && paths.getMessage().contains("identity"), paths.getMessage());
        IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class,
                () -> builder.add(new ChannelScale(Shape.image(3, 4, 4))));
        assertTrue(wrongShape.getMessage().contains("ChannelScale takes [3, 4, 4]"), wrongShape.getMessage());
        assertThrows(IllegalStateException.class, builder::conditionMap);
        assertThrows(IllegalStateException.class, () -> FastNetwork.builder(Shape.vector(4), DataType.DOUBLE)
                .sequence(s -> s.conditioned(2)));
        assertThrows(IllegalArgumentException.class, () -> builder.pixelShuffle(3));
        assertThrows(IllegalArgumentException.class, () -> builder.averagePool(3));
        assertThrows(IllegalStateException.class, () -> builder.residual(main -> main.relu().conv(2, 3, 1, 1)
                .sequence(s -> s.build(new Sgd(0.1), 1, 0.1))));
    }

    /** y = x * s per channel, s learned: the smallest useful layer a plugin might write. */
    private static final class ChannelScale implements Layer {
        private final Shape shape;
        private INDArray scale;
        private INDArray scaleGradient;
        private INDArray input;

        ChannelScale(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Shape inputShape() {
            return shape;
        }

        @Override
        public Shape outputShape() {
            return shape;
        }

        @Override
        public long parameterCount() {
            return shape.channels();
        }

        @Override
        public void bind(INDArray parameters, INDArray gradients, INDArray state) {
            scale = parameters.reshape(1, shape.channels(), 1, 1);
            scaleGradient = gradients.reshape(1, shape.channels(), 1, 1);
        }

        @Override
        public void initialize(double weightStd, NormalSampler normal) {
            scale.assign(1);
        }

        @Override
        public INDArray forward(INDArray x, boolean training) {
            input = x;
            return x.mul(Nd4j.tile(scale, (int) x.size(0), 1, shape.height(), shape.width()));
        }

        @Override
        public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
            if (parameterGradients) {
                scaleGradient.assign(g.mul(input).sum(true, 0, 2, 3));
            }
            return g.mul(Nd4j.tile(scale, (int) g.size(0), 1, shape.height(), shape.width()));
        }
    }
}
