package dev.gan4j.core.fast;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A square 2-D convolution or transposed convolution (NCHW) on libnd4j's {@code conv2d} /
 * {@code deconv2d} ops and their backprop ops, with PyTorch's weight layouts (weight format 1:
 * {@code [out, in, k, k]} for convolution, {@code [in, out, k, k]} for the transposed one), so
 * {@code Conv2d(k, s, p)} and {@code ConvTranspose2d(k, s, p)} mean the same as in PyTorch.
 */
final class ConvolutionLayer implements FastLayer {
    private final boolean transposed;
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Buffers buffers;
    private INDArray weights;
    private INDArray bias;
    private INDArray weightGradient;
    private INDArray biasGradient;
    private INDArray input;

    ConvolutionLayer(boolean transposed, Shape inputShape, int out, int kernel, int stride, int padding, DataType dataType) {
        if (!inputShape.isImage()) {
            throw new IllegalArgumentException("a convolution needs image input [c, h, w], found " + inputShape);
        }
        this.transposed = transposed;
        this.inputShape = inputShape;
        this.in = inputShape.channels();
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        int h = outputSize(inputShape.height());
        int w = outputSize(inputShape.width());
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("convolution k=" + kernel + " s=" + stride + " p=" + padding
                    + " leaves no output for input " + inputShape);
        }
        this.outputShape = Shape.image(out, h, w);
        this.buffers = new Buffers(dataType);
    }

    private int outputSize(int size) {
        return transposed ? (size - 1) * stride - 2 * padding + kernel : (size + 2 * padding - kernel) / stride + 1;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public long parameterCount() {
        return (long) in * out * kernel * kernel + out;
    }

    private long[] weightShape() {
        return transposed ? new long[] {in, out, kernel, kernel} : new long[] {out, in, kernel, kernel};
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        long w = (long) in * out * kernel * kernel;
        weights = parameters.get(NDArrayIndex.interval(0, w)).reshape('c', weightShape());
        bias = parameters.get(NDArrayIndex.interval(w, w + out)).reshape('c', new long[] {out});
        weightGradient = gradients.get(NDArrayIndex.interval(0, w)).reshape('c', weightShape());
        biasGradient = gradients.get(NDArrayIndex.interval(w, w + out)).reshape('c', new long[] {out});
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        weights.assign(normal.next(weights.dataType(), weightShape()).muli(weightStd));
        bias.assign(0);
    }

    private int[] arguments() {
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long n = x.size(0);
        INDArray y = buffers.get(training ? "y" : "yi", outputShape.withBatch(n));
        Nd4j.exec(DynamicCustomOp.builder(transposed ? "deconv2d" : "conv2d")
                .addInputs(x, weights, bias)
                .addOutputs(y)
                .addIntegerArguments(arguments())
                .build());
        if (training) {
            input = x;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        long n = g.size(0);
        INDArray dx = buffers.get("dx", inputShape.withBatch(n));
        if (!parameterGradients) {
            // The input gradient of a convolution is the transposed convolution of the output gradient
            // with the same weights (and vice versa); the forward op of the other kind computes it in a
            // fraction of the time of the full backprop op, which also computes the weight gradient.
            Nd4j.exec(DynamicCustomOp.builder(transposed ? "conv2d" : "deconv2d")
                    .addInputs(g, weights)
                    .addOutputs(dx)
                    .addIntegerArguments(arguments())
                    .build());
            return dx;
        }
        INDArray dw = parameterGradients ? weightGradient : buffers.get("dw", weightShape());
        INDArray db = parameterGradients ? biasGradient : buffers.get("db", out);
        Nd4j.exec(DynamicCustomOp.builder(transposed ? "deconv2d_bp" : "conv2d_bp")
                .addInputs(input, weights, bias, g)
                .addOutputs(dx, dw, db)
                .addIntegerArguments(arguments())
                .build());
        return dx;
    }
}
