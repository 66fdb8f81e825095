package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Pixel shuffle (Shi et al. 2016, "Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel
 * Convolutional Neural Network"), the upsampling of SRResNet (Ledig et al. 2017) and of Jin et al.'s anime
 * generator: {@code [c r^2, h, w]} to {@code [c, h r, w r]}, and its inverse (space to depth, PyTorch's
 * {@code PixelUnshuffle}). The channel order is PyTorch's: output pixel {@code (c, h r + i, w r + j)} is input
 * {@code (c r^2 + i r + j, h, w)}. (libnd4j's {@code depth_to_space} follows TensorFlow, input channel
 * {@code (i r + j) C + c}, which would make a network trained here mean something else in PyTorch.) Both directions
 * are one strided copy through a six-axis view; backward is the other direction's copy.
 */
final class PixelShuffleLayer extends ParameterFreeLayer {
    private final int factor;
    private final boolean toSpace;

    /** @param toSpace {@code true} for pixel shuffle (depth to space), {@code false} for its inverse */
    PixelShuffleLayer(Shape inputShape, int factor, boolean toSpace, DataType dataType) {
        super(requireImage(inputShape, toSpace ? "pixel shuffle" : "pixel unshuffle"), outputShape(inputShape, factor, toSpace), dataType);
        this.factor = factor;
        this.toSpace = toSpace;
    }

    private static Shape outputShape(Shape in, int r, boolean toSpace) {
        if (toSpace) {
            if (in.channels() % (r * r) != 0) {
                throw new IllegalArgumentException("pixel shuffle by " + r + " needs channels divisible by " + r * r + ", found " + in);
            }
            return Shape.image(in.channels() / (r * r), in.height() * r, in.width() * r);
        }
        if (in.height() % r != 0 || in.width() % r != 0) {
            throw new IllegalArgumentException("pixel unshuffle by " + r + " needs sides divisible by " + r + ", found " + in);
        }
        return Shape.image(in.channels() * r * r, in.height() / r, in.width() / r);
    }

    @Override
    public String name() {
        return (toSpace ? "PixelShuffle" : "PixelUnshuffle") + factor;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray y = output(input.size(0), training);
        copy(input, y, toSpace);
        return y;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGradient(outputGradient.size(0));
        copy(outputGradient, dx, !toSpace);
        return dx;
    }

    /** Depth to space (or back): {@code [n, c, r, r, h, w]} of the deep array against {@code [n, c, h, r, w, r]} of the wide one. */
    private void copy(INDArray from, INDArray to, boolean depthToSpace) {
        INDArray deep = depthToSpace ? from : to;
        INDArray wide = depthToSpace ? to : from;
        long n = deep.size(0);
        long c = deep.size(1) / ((long) factor * factor);
        long h = deep.size(2);
        long w = deep.size(3);
        INDArray deepView = deep.reshape('c', n, c, factor, factor, h, w);
        INDArray wideView = wide.reshape('c', n, c, h, factor, w, factor).permute(0, 1, 3, 5, 2, 4);
        if (depthToSpace) {
            wideView.assign(deepView);
        } else {
            deepView.assign(wideView);
        }
    }
}
