package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Average pooling over non-overlapping k x k windows (PyTorch's {@code AvgPool2d(k)}), the downsampling of the
 * SN-GAN ResNet discriminator's blocks (Miyato et al. 2018): each output pixel is the mean of its window, and the
 * gradient spreads evenly back over it. libnd4j's {@code avgpool2d} and {@code avgpool2d_bp} do the work. The sides
 * must be multiples of k, so no window is cut off and no padding convention matters.
 */
final class AveragePoolingLayer extends ParameterFreeLayer {
    private final int kernel;
    /** The last training forward's input; the backward op reads its shape. */
    private INDArray input;

    AveragePoolingLayer(Shape inputShape, int kernel, DataType dataType) {
        super(checked(inputShape, kernel), Shape.image(inputShape.channels(), inputShape.height() / kernel, inputShape.width() / kernel),
                dataType);
        this.kernel = kernel;
    }

    private static Shape checked(Shape inputShape, int kernel) {
        requireImage(inputShape, "average pooling");
        if (inputShape.height() % kernel != 0 || inputShape.width() % kernel != 0) {
            throw new IllegalArgumentException("average pooling over " + kernel + "x" + kernel + " windows needs sides divisible by "
                    + kernel + ", found " + inputShape);
        }
        return inputShape;
    }

    @Override
    public String name() {
        return "AveragePooling" + kernel;
    }

    private int[] arguments() {
        return new int[] {kernel, kernel, kernel, kernel, 0, 0, 1, 1, 0, 0, 0};
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray y = output(input.size(0), training);
        if (training) {
            this.input = input;
        }
        Nd4j.exec(DynamicCustomOp.builder("avgpool2d").addInputs(input).addOutputs(y).addIntegerArguments(arguments()).build());
        return y;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        long n = outputGradient.size(0);
        INDArray dx = inputGradient(n);
        Nd4j.exec(DynamicCustomOp.builder("avgpool2d_bp").addInputs(input, outputGradient)
                .addOutputs(dx).addIntegerArguments(arguments()).build());
        return dx;
    }
}
