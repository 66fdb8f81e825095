package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What batch normalization (Ioffe &amp; Szegedy 2015) and its conditional variant share: the per-channel
 * statistics over the batch (and pixels) of {@code [n, c]} or {@code [n, c, h, w]} input, the running
 * statistics with PyTorch's conventions (epsilon 1e-5, momentum 0.1 at every training-mode pass, the running
 * variance unbiased), and the normalization and its training-mode gradient, including the terms through the batch
 * statistics.
 *
 * <p>The forward pass is libnd4j's {@code moments} and {@code batchnorm}. The backward pass is not {@code batchnorm_bp},
 * which was the slowest part of batch norm on DCGAN-64's larger feature maps ({@code gan bench --profile}), but passes
 * of two fast kinds:
 * <ul>
 *   <li>per-channel sums are two gemms with vectors of ones, {@code [n c, h w] x 1} then {@code 1 x [n, c]};</li>
 *   <li>per-channel affine maps {@code x * a + b} are libnd4j's {@code batchnorm} op with mean 0 and variance
 *       {@code 1 - epsilon}, one read and one write.</li>
 * </ul>
 * The gradient is {@code dx = A g + B x + C} per channel with
 * {@code A = gamma / sigma}, {@code B = -gamma dGamma / (N sigma^2)}, {@code C = -gamma dBeta / (N sigma) - B mu}.
 */
final class BatchStatistics {
    static final double EPSILON = 1e-5;
    static final double MOMENTUM = 0.1;

    private final int channels;
    private final int pixels;
    private final int[] reduce;
    private final Buffers buffers;
    private INDArray runningMean;
    private INDArray runningVar;
    private INDArray input;
    /** The last training forward's mean and sqrt(var + epsilon) per channel. */
    private double[] mean;
    private double[] sigma;
    private long count;

    /** @param layer the layer's name for the error message */
    BatchStatistics(Shape shape, String layer, Buffers buffers) {
        if (shape.dims().length != 1 && !shape.isImage()) {
            throw new IllegalArgumentException(layer + " needs [c] or [c, h, w] examples, found " + shape);
        }
        this.channels = (int) shape.dims()[0];
        this.pixels = shape.isImage() ? shape.height() * shape.width() : 1;
        this.reduce = shape.isImage() ? new int[] {0, 2, 3} : new int[] {0};
        this.buffers = buffers;
    }

    int channels() {
        return channels;
    }

    /** The running mean, then the running variance. */
    long stateCount() {
        return 2L * channels;
    }

    void bind(INDArray state) {
        runningMean = state.get(NDArrayIndex.interval(0, channels));
        runningVar = state.get(NDArrayIndex.interval(channels, 2 * channels));
    }

    void initialize() {
        runningMean.assign(0);
        runningVar.assign(1);
    }

    /**
     * Why batch-normalising layers have no {@link Layer#forwardNear}: a near pass must keep the statistics of
     * the pass it is near, but the backward pass of batch norm goes through the statistics of its own batch.
     * Gradient penalties, its one user, refuse networks that couple examples before they get here.
     */
    static UnsupportedOperationException noNearPass() {
        return new UnsupportedOperationException("batch normalization couples the examples of a batch, so it has no near pass");
    }

    /**
     * out = (x - mean) / sqrt(var + epsilon) * gamma + beta per channel: with the batch's statistics in
     * training mode (kept for {@link #backward}; the running ones move towards them), the running ones otherwise.
     */
    void normalize(INDArray x, boolean training, INDArray gamma, INDArray beta, INDArray out) {
        INDArray m = runningMean;
        INDArray v = runningVar;
        if (training) {
            count = x.length() / channels;
            if (count == 1) {
                throw new IllegalArgumentException("batch normalization in training needs more than one value per channel, "
                        + "but a batch of one example gives it one: train with a batch size above 1");
            }
            m = buffers.get("mean", channels);
            v = buffers.get("var", channels);
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(m, v).addIntegerArguments(reduce).build());
            mean = read(m);
            double[] variance = read(v);
            sigma = new double[channels];
            for (int k = 0; k < channels; k++) {
                sigma[k] = Math.sqrt(variance[k] + EPSILON);
            }
            runningMean.muli(1 - MOMENTUM);
            Nd4j.getBlasWrapper().level1().axpy(channels, MOMENTUM, m, runningMean);
            runningVar.muli(1 - MOMENTUM);
            Nd4j.getBlasWrapper().level1().axpy(channels, MOMENTUM * count / (count - 1), v, runningVar);
            input = x;
        }
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, m, v, gamma, beta)
                .addOutputs(out)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(EPSILON)
                .build());
    }

    /**
     * d(loss)/dx, in {@code dx}, of the last training-mode {@link #normalize} with the same gamma and beta, given
     * d(loss)/d(out) {@code g}; d(loss)/d(gamma) and d(loss)/d(beta) go to {@code dGamma} and {@code dBeta}.
     * The per-channel arithmetic runs in Java on a few hundred values: an ND4J op per vector costs more than the work.
     */
    void backward(INDArray g, INDArray gamma, INDArray beta, INDArray dx, INDArray dGamma, INDArray dBeta) {
        double[] sumG = read(channelSums(g, "sumG"));
        INDArray products = buffers.get("products", g.shape());
        g.mul(input, products);
        double[] sumGx = read(channelSums(products, "sumGx"));
        double[] scale = gamma.toDoubleVector();
        double[] gammaGradient = new double[channels];
        double[] a = new double[channels];
        double[] b = new double[channels];
        double[] c = new double[channels];
        for (int k = 0; k < channels; k++) {
            gammaGradient[k] = (sumGx[k] - mean[k] * sumG[k]) / sigma[k];
            a[k] = scale[k] / sigma[k];
            b[k] = -a[k] * gammaGradient[k] / (sigma[k] * count);
            c[k] = -a[k] * sumG[k] / count - b[k] * mean[k];
        }
        dBeta.assign(write(sumG, "dBeta"));
        dGamma.assign(write(gammaGradient, "dGamma"));
        affine(input, write(b, "b"), write(c, "c"), dx);
        affine(g, write(a, "a"), buffers.constant(0, channels), products);
        dx.addi(products);
    }

    /** The values of one of this object's own {@code [c]} buffers (contiguous, not a view). */
    private static double[] read(INDArray own) {
        return own.data().asDouble();
    }

    /** {@code values} in this object's own {@code [c]} buffer for {@code role}. */
    private INDArray write(double[] values, String role) {
        INDArray own = buffers.get(role, channels);
        for (int k = 0; k < values.length; k++) {
            own.data().put(k, values[k]);
        }
        return own;
    }

    /** Per-channel sums of {@code x} {@code [n, c(, h, w)]}, into this object's {@code [c]} buffer for {@code role}. */
    private INDArray channelSums(INDArray x, String role) {
        long n = x.size(0);
        INDArray perExample;
        if (pixels == 1) {
            perExample = x.reshape('c', n, channels);
        } else {
            perExample = buffers.get(role + "PerExample", n, channels);
            Nd4j.gemm(x.reshape('c', n * channels, pixels), ones(pixels), perExample.reshape('c', n * channels, 1), false, false,
                    1.0, 0.0);
        }
        INDArray sums = buffers.get(role, 1, channels);
        Nd4j.gemm(ones(n), perExample, sums, true, false, 1.0, 0.0);
        return sums.reshape(channels);
    }

    private INDArray ones(long length) {
        return buffers.constant(1, length, 1);
    }

    /** out = x * scale + shift per channel, through libnd4j's {@code batchnorm} with mean 0 and variance 1 - epsilon. */
    private void affine(INDArray x, INDArray scale, INDArray shift, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, buffers.constant(0, channels), buffers.constant(1 - EPSILON, channels), scale, shift)
                .addOutputs(out)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(EPSILON)
                .build());
    }
}
