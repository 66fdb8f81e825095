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
 * variance unbiased), and libnd4j's {@code batchnorm}/{@code batchnorm_bp}, which normalise with a given
 * per-channel scale and shift and, given the batch's mean and biased variance, return the full
 * training-mode gradient, including the terms through the batch statistics.
 */
final class BatchStatistics {
    static final double EPSILON = 1e-5;
    static final double MOMENTUM = 0.1;

    private final int channels;
    private final int[] reduce;
    private final Buffers buffers;
    private INDArray runningMean;
    private INDArray runningVar;
    private INDArray input;
    private INDArray mean;
    private INDArray var;

    /** @param layer the layer's name for the error message */
    BatchStatistics(Shape shape, String layer, Buffers buffers) {
        if (shape.dims().length != 1 && !shape.isImage()) {
            throw new IllegalArgumentException(layer + " needs [c] or [c, h, w] examples, found " + shape);
        }
        this.channels = (int) shape.dims()[0];
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
            mean = buffers.get("mean", channels);
            var = buffers.get("var", channels);
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(mean, var).addIntegerArguments(reduce).build());
            long count = x.length() / channels;
            if (count == 1) {
                throw new IllegalArgumentException("batch normalization in training needs more than one value per channel, "
                        + "but a batch of one example gives it one: train with a batch size above 1");
            }
            runningMean.muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
            runningVar.muli(1 - MOMENTUM).addi(var.mul(MOMENTUM * count / Math.max(1, count - 1)));
            input = x;
            m = mean;
            v = var;
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
     */
    void backward(INDArray g, INDArray gamma, INDArray beta, INDArray dx, INDArray dGamma, INDArray dBeta) {
        Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                .addInputs(input, mean, var, gamma, beta, g)
                .addOutputs(dx, buffers.get("dmean", channels), buffers.get("dvar", channels), dGamma, dBeta)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(EPSILON)
                .build());
    }
}
