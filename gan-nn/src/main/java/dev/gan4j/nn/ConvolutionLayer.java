package dev.gan4j.nn;

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
 * Any kernel, stride and padding; a bias per output channel or none (batch norm right after a convolution
 * subtracts any bias again, so PyTorch's DCGAN example leaves it out). Outputs of at most {@link #THIN} maps, where
 * libnd4j's ops are slow, take gemm forms of the same arithmetic ({@link #transposedByGemm}, {@link ThinConvolution}).
 *
 * <p>With spectral normalization (Miyato et al. 2018, see {@link SpectralNorm}) it computes with
 * W / sigma(W), sigma taken over the weight reshaped to one row per output channel: axis 0 of a
 * convolution's weight, axis 1 of a transposed convolution's, as PyTorch's {@code spectral_norm} does.
 */
final class ConvolutionLayer implements Layer {
    /** Channels up to which a transposed convolution onto them runs as one gemm and col2im ({@link #transposedByGemm}). */
    private static final int THIN = 4;

    private final boolean transposed;
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean hasBias;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Buffers buffers;
    private final SpectralNorm spectralNorm;
    /** Whether the transposed op maps the output gradient back onto exactly the input's size. */
    private final boolean inputGradientByTransposedOp;
    /** For a stride-1 convolution onto at most {@link #THIN} maps, its gemm-and-col2im forward pass; {@code null} otherwise. */
    private final ThinConvolution thin;
    private INDArray weights;
    private INDArray effectiveWeights;
    private INDArray bias;
    private INDArray weightGradient;
    private INDArray biasGradient;
    private INDArray input;

    ConvolutionLayer(boolean transposed, Shape inputShape, int out, int kernel, int stride, int padding, boolean hasBias,
                     boolean spectralNorm, DataType dataType) {
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
        this.hasBias = hasBias;
        int h = outputSize(inputShape.height());
        int w = outputSize(inputShape.width());
        if (h <= 0 || w <= 0 || !transposed && (inputShape.height() + 2 * padding < kernel || inputShape.width() + 2 * padding < kernel)) {
            throw new IllegalArgumentException("convolution k=" + kernel + " s=" + stride + " p=" + padding
                    + " leaves no output for input " + inputShape);
        }
        this.outputShape = Shape.image(out, h, w);
        this.inputGradientByTransposedOp = transposed
                || (h - 1) * stride + kernel - 2 * padding == inputShape.height() && (w - 1) * stride + kernel - 2 * padding == inputShape.width();
        this.buffers = new Buffers(dataType);
        this.spectralNorm = spectralNorm ? new SpectralNorm(weightShape(), transposed ? 1 : 0, dataType) : null;
        this.thin = !transposed && stride == 1 && out <= THIN && kernel > 1
                ? new ThinConvolution(in, out, kernel, padding, inputShape.height(), inputShape.width(), buffers) : null;
    }

    @Override
    public String name() {
        return spectralNorm == null ? "ConvolutionLayer" : "ConvolutionLayer+SN";
    }

    @Override
    public SpectralNorm spectralNorm() {
        return spectralNorm;
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
        return (long) in * out * kernel * kernel + (hasBias ? out : 0);
    }

    @Override
    public long stateCount() {
        return spectralNorm == null ? 0 : spectralNorm.stateCount();
    }

    private long[] weightShape() {
        return transposed ? new long[] {in, out, kernel, kernel} : new long[] {out, in, kernel, kernel};
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        long w = (long) in * out * kernel * kernel;
        weights = parameters.get(NDArrayIndex.interval(0, w)).reshape('c', weightShape());
        weightGradient = gradients.get(NDArrayIndex.interval(0, w)).reshape('c', weightShape());
        if (hasBias) {
            bias = parameters.get(NDArrayIndex.interval(w, w + out)).reshape('c', new long[] {out});
            biasGradient = gradients.get(NDArrayIndex.interval(w, w + out)).reshape('c', new long[] {out});
        }
        if (spectralNorm != null) {
            spectralNorm.bind(weights, weightGradient, state);
        }
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        weights.assign(normal.next(weights.dataType(), weightShape()).muli(weightStd));
        if (hasBias) {
            bias.assign(0);
        }
        if (spectralNorm != null) {
            spectralNorm.initialize(normal);
        }
    }

    private int[] arguments() {
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return apply(x, spectralNorm == null ? weights : spectralNorm.forward(training), training);
    }

    /** With spectral normalization the near pass reuses the last training forward's W / sigma: u stays put. */
    @Override
    public INDArray forwardNear(INDArray x) {
        return spectralNorm == null ? forward(x, true) : apply(x, effectiveWeights, true);
    }

    private INDArray apply(INDArray x, INDArray w, boolean training) {
        long n = x.size(0);
        INDArray y = buffers.get(training ? "y" : "yi", outputShape.withBatch(n));
        if (thin != null || transposed && out <= THIN) {
            if (thin != null) {
                thin.forward(x, thin.flip(w), y);
            } else {
                transposedByGemm(x, w.reshape('c', in, (long) out * kernel * kernel), out, y);
            }
            if (hasBias) {
                for (int c = 0; c < out; c++) {
                    y.get(NDArrayIndex.all(), NDArrayIndex.point(c)).addi(bias.getDouble(c));
                }
            }
        } else {
            Nd4j.exec(DynamicCustomOp.builder(transposed ? "deconv2d" : "conv2d")
                    .addInputs(hasBias ? new INDArray[] {x, w, bias} : new INDArray[] {x, w})
                    .addOutputs(y)
                    .addIntegerArguments(arguments())
                    .build());
        }
        if (training) {
            input = x;
            effectiveWeights = w;
        }
        return y;
    }

    /**
     * The transposed convolution of {@code x} {@code [n, a, h, w]} by the weight matrix {@code w2d} {@code [a, b k k]}
     * into {@code target} {@code [n, b, H, W]}, this layer's kernel, stride and padding relating (H, W) to (h, w) as
     * a convolution would: {@code col2im(w2d^T x)}, one gemm over the whole batch. For few output channels (an image's
     * 1 or 3) this is several times faster than {@code deconv2d}, whose kernels are made for wide maps; it serves the
     * forward pass of a transposed convolution and the input gradient of a convolution alike.
     */
    private void transposedByGemm(INDArray x, INDArray w2d, int b, INDArray target) {
        long n = x.size(0);
        long a = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        long unfolded = (long) b * kernel * kernel;
        INDArray xByRow = buffers.get("xByRow", a, n, h * w).assign(x.reshape('c', n, a, h * w).permute(1, 0, 2));
        INDArray colsByRow = buffers.get("tcolsByRow", unfolded, n * h * w);
        Nd4j.gemm(w2d, xByRow.reshape('c', a, n * h * w), colsByRow, true, false, 1.0, 0.0);
        INDArray cols = buffers.get("tcols", n, b, kernel, kernel, h, w)
                .assign(colsByRow.reshape('c', b, kernel, kernel, n, h, w).permute(3, 0, 1, 2, 4, 5));
        Nd4j.exec(DynamicCustomOp.builder("col2im").addInputs(cols).addOutputs(target)
                .addIntegerArguments(stride, stride, padding, padding, (int) target.size(2), (int) target.size(3), 1, 1, 0)
                .build());
    }

    /**
     * The weight (and bias) gradient alone, for a network's first convolution when nothing needs its input gradient
     * (D's own step): {@code conv2d_bp} would compute the input gradient too, as much work again. The input unfolded
     * by {@code im2col} into {@code [in k k, n h w]} and the output gradient as {@code [out, n h w]} make it one gemm,
     * {@code dW = g cols^T}; the bias gradient is the gradient's sum, a gemm with ones.
     */
    private void weightGradientOnly(INDArray g) {
        long n = g.size(0);
        long pixels = (long) outputShape.height() * outputShape.width();
        long unfolded = (long) in * kernel * kernel;
        INDArray cols = buffers.get("cols", n, in, kernel, kernel, outputShape.height(), outputShape.width());
        Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(input).addOutputs(cols)
                .addIntegerArguments(kernel, kernel, stride, stride, padding, padding, 1, 1, 0)
                .addFloatingPointArguments(0.0)
                .build());
        INDArray colsByRow = buffers.get("colsByRow", unfolded, n, pixels).assign(cols.reshape('c', n, unfolded, pixels).permute(1, 0, 2));
        INDArray gradientByRow = buffers.get("gByRow", out, n, pixels).assign(g.reshape('c', n, out, pixels).permute(1, 0, 2));
        INDArray g2d = gradientByRow.reshape('c', out, n * pixels);
        Nd4j.gemm(g2d, colsByRow.reshape('c', unfolded, n * pixels), weightGradient.reshape('c', out, unfolded), false, true, 1.0, 0.0);
        if (hasBias) {
            Nd4j.gemm(g2d, buffers.constant(1, n * pixels, 1), biasGradient.reshape('c', out, 1), false, false, 1.0, 0.0);
        }
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        long n = g.size(0);
        INDArray dx = buffers.get("dx", inputShape.withBatch(n));
        if (!parameterGradients && inputGradientByTransposedOp) {
            // The input gradient of a convolution is the transposed convolution of the output gradient
            // with the same weights (and vice versa); the forward op of the other kind computes it in a
            // fraction of the time of the full backprop op, which also computes the weight gradient. When the
            // stride does not divide the input evenly, the transposed op yields a smaller map: the backprop op then.
            if (!transposed && in <= THIN) {
                transposedByGemm(g, effectiveWeights.reshape('c', out, (long) in * kernel * kernel), in, dx);
            } else {
                Nd4j.exec(DynamicCustomOp.builder(transposed ? "conv2d" : "deconv2d")
                        .addInputs(g, effectiveWeights)
                        .addOutputs(dx)
                        .addIntegerArguments(arguments())
                        .build());
            }
            return dx;
        }
        if (parameterGradients && !inputGradient && !transposed) {
            weightGradientOnly(g);
            if (spectralNorm != null) {
                spectralNorm.backward();
            }
            return null;
        }
        INDArray dw = parameterGradients ? weightGradient : buffers.get("dw", weightShape());
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(transposed ? "deconv2d_bp" : "conv2d_bp");
        if (hasBias) {
            op.addInputs(input, effectiveWeights, bias, g)
                    .addOutputs(dx, dw, parameterGradients ? biasGradient : buffers.get("db", out));
        } else {
            op.addInputs(input, effectiveWeights, g).addOutputs(dx, dw);
        }
        Nd4j.exec(op
                .addIntegerArguments(arguments())
                .build());
        if (spectralNorm != null && parameterGradients) {
            spectralNorm.backward();
        }
        return dx;
    }
}
