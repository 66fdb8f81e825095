package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015) over the channel axis of {@code [n, c]} or
 * {@code [n, c, h, w]}, with a learned scale and shift per channel and PyTorch's conventions
 * (see {@link BatchStatistics}).
 */
final class BatchNormLayer implements Layer {
    private final Shape shape;
    private final int channels;
    private final Buffers buffers;
    private final BatchStatistics statistics;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGradient;
    private INDArray betaGradient;

    BatchNormLayer(Shape shape, DataType dataType) {
        this.shape = shape;
        this.buffers = new Buffers(dataType);
        this.statistics = new BatchStatistics(shape, "batch norm", buffers);
        this.channels = statistics.channels();
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
        return statistics.stateCount();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        gamma = parameters.get(NDArrayIndex.interval(0, channels));
        beta = parameters.get(NDArrayIndex.interval(channels, 2 * channels));
        gammaGradient = gradients.get(NDArrayIndex.interval(0, channels));
        betaGradient = gradients.get(NDArrayIndex.interval(channels, 2 * channels));
        statistics.bind(state);
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        gamma.assign(1);
        beta.assign(0);
        statistics.initialize();
    }

    @Override
    public INDArray forwardNear(INDArray x) {
        throw BatchStatistics.noNearPass();
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = buffers.get(training ? "y" : "yi", shape.withBatch(x.size(0)));
        statistics.normalize(x, training, gamma, beta, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        INDArray dx = buffers.get("dx", shape.withBatch(g.size(0)));
        statistics.backward(g, gamma, beta, dx,
                parameterGradients ? gammaGradient : buffers.get("dgamma", channels),
                parameterGradients ? betaGradient : buffers.get("dbeta", channels));
        return dx;
    }
}
