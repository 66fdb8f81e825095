package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A condition map: each example's condition vector {@code [d]} replicated over every pixel of a feature map
 * {@code [c, h, w]} and joined to its channels, giving {@code [c + d, h, w]}; the next convolution then sees the
 * condition beside every feature. StackGAN joins the text embedding to image features this way in its stage-II
 * generator and in both discriminators (Zhang et al. 2017, "StackGAN: Text to Photo-realistic Image Synthesis with
 * Stacked Generative Adversarial Networks", "spatially replicated"), as Reed et al. 2016 did before. The gradient
 * of a condition is its map's gradient summed over the pixels, returned through {@link #addConditionGradient}. The
 * replication and the sum are gemms with a vector of ones.
 */
final class ConditionMapLayer extends ParameterFreeLayer implements ConditionedLayer {
    private final int channels;
    private final int conditionDim;
    private final int pixels;
    private INDArray pending;
    private INDArray conditionGradient;

    ConditionMapLayer(Shape inputShape, int conditionDim, DataType dataType) {
        super(requireImage(inputShape, "a condition map"),
                Shape.image(inputShape.channels() + conditionDim, inputShape.height(), inputShape.width()), dataType);
        this.channels = inputShape.channels();
        this.conditionDim = conditionDim;
        this.pixels = inputShape.height() * inputShape.width();
    }

    @Override
    public String name() {
        return "ConditionMap" + conditionDim;
    }

    @Override
    public void condition(INDArray conditions) {
        this.pending = conditions;
    }

    private static INDArrayIndex[] channels(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()};
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        long n = input.size(0);
        if (pending == null || pending.size(0) != n) {
            throw new IllegalStateException("a condition map needs the conditions of the " + n + " examples before its forward pass");
        }
        INDArray y = output(n, training);
        y.get(channels(0, channels)).assign(input);
        INDArray tiles = buffers.get(training ? "tiles" : "tilesi", n * conditionDim, pixels);
        Nd4j.gemm(pending.reshape('c', n * conditionDim, 1), buffers.constant(1, 1, pixels), tiles, false, false, 1.0, 0.0);
        y.get(channels(channels, channels + conditionDim)).assign(tiles.reshape('c', n, conditionDim, outputShape().height(),
                outputShape().width()));
        return y;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        long n = outputGradient.size(0);
        INDArray dx = inputGradient(n).assign(outputGradient.get(channels(0, channels)));
        INDArray mapGradient = buffers.get("dmap", n, conditionDim, outputShape().height(), outputShape().width())
                .assign(outputGradient.get(channels(channels, channels + conditionDim)));
        conditionGradient = buffers.get("dcondition", n, conditionDim);
        Nd4j.gemm(mapGradient.reshape('c', n * conditionDim, pixels), buffers.constant(1, pixels, 1),
                conditionGradient.reshape('c', n * conditionDim, 1), false, false, 1.0, 0.0);
        return dx;
    }

    @Override
    public void addConditionGradient(INDArray target) {
        target.addi(conditionGradient);
    }
}
