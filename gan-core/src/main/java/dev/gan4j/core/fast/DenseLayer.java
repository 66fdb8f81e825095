package dev.gan4j.core.fast;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * y = x W + b with W {@code [in, out]}, computed by {@code Nd4j.gemm} with transpose flags (a gemm on
 * transposed views is several times slower). The bias sum of the backward pass is a gemm with a row
 * of ones, which writes straight into the gradient view.
 */
final class DenseLayer implements FastLayer {
    private final int in;
    private final int out;
    private final Buffers buffers;
    private INDArray weights;
    private INDArray bias;
    private INDArray weightGradient;
    private INDArray biasGradient;
    private INDArray input;

    DenseLayer(int in, int out, DataType dataType) {
        this.in = in;
        this.out = out;
        this.buffers = new Buffers(dataType);
    }

    @Override
    public Shape inputShape() {
        return Shape.vector(in);
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(out);
    }

    @Override
    public long parameterCount() {
        return (long) in * out + out;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        long w = (long) in * out;
        weights = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, w)).reshape('c', in, out);
        bias = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(w, w + out)).reshape('c', 1, out);
        weightGradient = gradients.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, w)).reshape('c', in, out);
        biasGradient = gradients.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(w, w + out)).reshape('c', 1, out);
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        weights.assign(normal.next(weights.dataType(), in, out).muli(weightStd));
        bias.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long n = x.size(0);
        INDArray y = buffers.get(training ? "y" : "yi", n, out);
        Nd4j.gemm(x, weights, y, false, false, 1.0, 0.0);
        y.addiRowVector(bias);
        if (training) {
            input = x;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        long n = g.size(0);
        if (parameterGradients) {
            Nd4j.gemm(input, g, weightGradient, true, false, 1.0, 0.0);
            Nd4j.gemm(buffers.get("ones", 1, n).assign(1), g, biasGradient, false, false, 1.0, 0.0);
        }
        if (!inputGradient) {
            return null;
        }
        INDArray dx = buffers.get("dx", n, in);
        Nd4j.gemm(g, weights, dx, false, true, 1.0, 0.0);
        return dx;
    }
}
