package dev.gan4j.core.fast;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015) over the channel axis of {@code [n, c]} or
 * {@code [n, c, h, w]}, with PyTorch's conventions: epsilon 1e-5, running statistics updated at every
 * training-mode forward with momentum 0.1, the running variance unbiased. libnd4j's
 * {@code batchnorm_bp}, given the batch's mean and biased variance, returns the full training-mode
 * gradient, including the terms through the batch statistics.
 */
final class BatchNormLayer implements FastLayer {
    static final double EPSILON = 1e-5;
    static final double MOMENTUM = 0.1;

    private final Shape shape;
    private final int channels;
    private final int[] reduce;
    private final Buffers buffers;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGradient;
    private INDArray betaGradient;
    private INDArray runningMean;
    private INDArray runningVar;
    private INDArray input;
    private INDArray mean;
    private INDArray var;

    BatchNormLayer(Shape shape, DataType dataType) {
        this.shape = shape;
        this.channels = (int) shape.dims()[0];
        this.reduce = shape.isImage() ? new int[] {0, 2, 3} : new int[] {0};
        if (shape.dims().length != 1 && !shape.isImage()) {
            throw new IllegalArgumentException("batch norm needs [c] or [c, h, w] examples, found " + shape);
        }
        this.buffers = new Buffers(dataType);
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
    }

    @Override
    public boolean couplesExamples() {
        return true;
    }

    @Override
    public long parameterCount() {
        return 2L * channels;
    }

    @Override
    public long stateCount() {
        return 2L * channels;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        gamma = parameters.get(NDArrayIndex.interval(0, channels));
        beta = parameters.get(NDArrayIndex.interval(channels, 2 * channels));
        gammaGradient = gradients.get(NDArrayIndex.interval(0, channels));
        betaGradient = gradients.get(NDArrayIndex.interval(channels, 2 * channels));
        runningMean = state.get(NDArrayIndex.interval(0, channels));
        runningVar = state.get(NDArrayIndex.interval(channels, 2 * channels));
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        gamma.assign(1);
        beta.assign(0);
        runningMean.assign(0);
        runningVar.assign(1);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long n = x.size(0);
        INDArray y = buffers.get(training ? "y" : "yi", shape.withBatch(n));
        if (training) {
            mean = buffers.get("mean", channels);
            var = buffers.get("var", channels);
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(mean, var).addIntegerArguments(reduce).build());
            updateRunningStatistics(runningMean, runningVar, mean, var, x.length() / channels);
            input = x;
            normalize(x, mean, var, y);
        } else {
            normalize(x, runningMean, runningVar, y);
        }
        return y;
    }

    /**
     * Moves the running statistics towards those of a batch of {@code count} values per channel: momentum
     * {@link #MOMENTUM}, the batch's biased variance {@code var} turned unbiased first.
     */
    static void updateRunningStatistics(INDArray runningMean, INDArray runningVar, INDArray mean, INDArray var, long count) {
        runningMean.muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
        runningVar.muli(1 - MOMENTUM).addi(var.mul(MOMENTUM * count / Math.max(1, count - 1)));
    }

    private void normalize(INDArray x, INDArray m, INDArray v, INDArray y) {
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, m, v, gamma, beta)
                .addOutputs(y)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(EPSILON)
                .build());
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        long n = g.size(0);
        INDArray dx = buffers.get("dx", shape.withBatch(n));
        INDArray dGamma = parameterGradients ? gammaGradient : buffers.get("dgamma", channels);
        INDArray dBeta = parameterGradients ? betaGradient : buffers.get("dbeta", channels);
        Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                .addInputs(input, mean, var, gamma, beta, g)
                .addOutputs(dx, buffers.get("dmean", channels), buffers.get("dvar", channels), dGamma, dBeta)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(EPSILON)
                .build());
        return dx;
    }
}
