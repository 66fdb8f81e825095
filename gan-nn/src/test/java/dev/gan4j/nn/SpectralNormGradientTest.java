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
import org.nd4j.linalg.learning.config.Sgd;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spectrally normalized layers' parameter and input gradients against central finite differences of
 * L = sum(output * R), in double precision. u is first power-iterated to convergence, then held, so the
 * loss is a function of the parameters alone and the backward formula of Miyato et al. (2018, eq. 12)
 * is the exact gradient: dropping its correction term or its 1 / sigma fails these checks.
 */
@ExtendWith(DoublePrecision.class)
class SpectralNormGradientTest {
    private static final int BATCH = 4;
    @Test
    void dense() {
        check(Shape.vector(5), b -> b.spectralNorm(true).dense(4));
    }

    @Test
    void convolution() {
        check(Shape.image(2, 8, 8), b -> b.spectralNorm(true).conv(3, 4, 2, 1));
    }

    @Test
    void transposedConvolution() {
        check(Shape.image(3, 4, 4), b -> b.spectralNorm(true).deconv(2, 4, 2, 1));
    }

    /** A 1x1 transposed convolution's weight {@code [in, out, 1, 1]} is read as a dense one, transposed. */
    @Test
    void pointwiseTransposedConvolution() {
        check(Shape.image(3, 4, 4), b -> b.spectralNorm(true).deconv(2, 1, 1, 0));
    }

    @Test
    void snGanShapedStacks() {
        check(Shape.image(1, 8, 8), b -> b.spectralNorm(true).conv(2, 4, 2, 1).leakyRelu(0.2).conv(3, 4, 2, 1).tanh().dense(1));
        check(Shape.vector(4), b -> b.spectralNorm(true).dense(2 * 4 * 4).batchNorm().relu().reshape(Shape.image(2, 4, 4))
                .deconv(1, 4, 2, 1).tanh());
    }

    /**
     * W / sigma(W) does not change when W is scaled, so d(loss)/dW is orthogonal to W: &lt;dL/dW, W&gt; = 0.
     * The uncorrected gradient G / sigma has &lt;G / sigma, W&gt; = &lt;G, W / sigma&gt;, which is not zero.
     */
    @Test
    void weightGradientIsOrthogonalToTheWeight() {
        orthogonal(Shape.vector(5), b -> b.spectralNorm(true).dense(4), 5 * 4);
        orthogonal(Shape.image(2, 8, 8), b -> b.spectralNorm(true).conv(3, 4, 2, 1), 3 * 2 * 16);
        orthogonal(Shape.image(3, 4, 4), b -> b.spectralNorm(true).deconv(2, 4, 2, 1), 3 * 2 * 16);
    }

    @Test
    void outputDoesNotDependOnTheWeightScale() {
        FastNetwork net = converged(Shape.image(3, 4, 4), b -> b.spectralNorm(true).deconv(2, 4, 2, 1));
        INDArray x = input(net);
        INDArray before = net.forward(x, false).dup();
        INDArray parameters = net.parameters();
        parameters.get(NDArrayIndex.interval(0, 3 * 2 * 16)).muli(3);
        net.setParameters(parameters);
        assertTrue(before.equalsWithEps(net.forward(x, false), 1e-10), "W / sigma(W) is scale invariant");
    }

    private static FastNetwork converged(Shape input, Consumer<FastNetwork.Builder> layers) {
        FastNetwork.Builder builder = FastNetwork.builder(input, DataType.DOUBLE);
        layers.accept(builder);
        FastNetwork net = builder.build(new Sgd(0.1), 5, 0.5);
        INDArray x = input(net);
        for (int i = 0; i < 200; i++) {
            net.forward(x, true);
        }
        net.spectralNorms().forEach(sn -> sn.hold(true));
        return net;
    }

    private static INDArray input(FastNetwork net) {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.randn(DataType.DOUBLE, net.inputShape().withBatch(BATCH));
    }

    private static void check(Shape input, Consumer<FastNetwork.Builder> layers) {
        FastNetwork net = converged(input, layers);
        assertTrue(net.spectralNorms().size() > 0);
        INDArray x = input(net);
        INDArray r = Nd4j.randn(DataType.DOUBLE, net.outputShape().withBatch(BATCH));

        FiniteDifferences.checkGradients(net, x, r, 60);
    }

    private static void orthogonal(Shape input, Consumer<FastNetwork.Builder> layers, long weightCount) {
        FastNetwork net = converged(input, layers);
        INDArray x = input(net);
        net.forward(x, true);
        net.backward(Nd4j.randn(DataType.DOUBLE, net.outputShape().withBatch(BATCH)));
        INDArray gradient = net.accumulatedGradient().get(NDArrayIndex.interval(0, weightCount));
        INDArray weights = net.parameters().get(NDArrayIndex.interval(0, weightCount));
        net.discardGradients();
        double scale = gradient.norm2Number().doubleValue() * weights.norm2Number().doubleValue();
        assertTrue(scale > 1e-3, "a gradient to check");
        assertEquals(0, gradient.mul(weights).sumNumber().doubleValue() / scale, 1e-10);
    }

}
