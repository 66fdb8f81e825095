package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Global sum pooling: {@code [c, h, w]} to {@code [c]}, each channel summed over its pixels, as the SN-GAN ResNet
 * discriminator does before its linear output and projection (Miyato et al. 2018; Miyato &amp; Koyama 2018 sum
 * rather than average so the features keep the scale the spectral norms bound). Both directions are one gemm with a
 * vector of ones: the sum is {@code [n*c, h*w] x ones}, its gradient {@code g x ones^T}, with no broadcast op
 * (libnd4j M2.1's broadcasts crashed now and then in long runs, deeplearning4j issue 9278).
 */
final class GlobalSumPoolingLayer extends ParameterFreeLayer {
    private final int channels;
    private final int pixels;

    GlobalSumPoolingLayer(Shape inputShape, DataType dataType) {
        super(requireImage(inputShape, "global sum pooling"), Shape.vector(inputShape.channels()), dataType);
        this.channels = inputShape.channels();
        this.pixels = inputShape.height() * inputShape.width();
    }

    @Override
    public String name() {
        return "GlobalSumPooling";
    }

    private INDArray ones(boolean column) {
        return column ? buffers.constant(1, pixels, 1) : buffers.constant(1, 1, pixels);
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        long n = input.size(0);
        INDArray y = output(n, training);
        Nd4j.gemm(input.reshape('c', n * channels, pixels), ones(true), y.reshape('c', n * channels, 1), false, false, 1.0, 0.0);
        return y;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        long n = outputGradient.size(0);
        INDArray dx = inputGradient(n);
        Nd4j.gemm(outputGradient.reshape('c', n * channels, 1), ones(false), dx.reshape('c', n * channels, pixels), false, false, 1.0, 0.0);
        return dx;
    }
}
