package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour upsampling by an integer factor (PyTorch's {@code Upsample(scale_factor=s, mode='nearest')}):
 * each pixel becomes an s x s square. StackGAN (Zhang et al. 2017) and the SN-GAN ResNet generator (Miyato et al.
 * 2018) upsample this way and let the following 3x3 convolution learn the rest, which avoids the checkerboard
 * patterns of strided transposed convolutions (Odena et al. 2016, "Deconvolution and Checkerboard Artifacts").
 * libnd4j's {@code upsampling2d} and {@code upsampling2d_bp} (which sums each square) do the work.
 */
final class UpsamplingLayer extends ParameterFreeLayer {
    private final int factor;
    /** The last training forward's input; the backward op reads its shape. */
    private INDArray input;

    UpsamplingLayer(Shape inputShape, int factor, DataType dataType) {
        super(requireImage(inputShape, "upsampling"),
                Shape.image(inputShape.channels(), inputShape.height() * factor, inputShape.width() * factor), dataType);
        this.factor = factor;
    }

    @Override
    public String name() {
        return "Upsampling" + factor;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray y = output(input.size(0), training);
        if (training) {
            this.input = input;
        }
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(input).addOutputs(y)
                .addIntegerArguments(factor, factor, 1).build());
        return y;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        long n = outputGradient.size(0);
        INDArray dx = inputGradient(n);
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(input, outputGradient)
                .addOutputs(dx).addIntegerArguments(1).build());
        return dx;
    }
}
