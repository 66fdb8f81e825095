package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * y = x W + b with W {@code [in, out]} (or y = x W without a bias), computed by {@code Nd4j.gemm} with transpose flags (a gemm on
 * transposed views is several times slower). The bias is added, and summed in the backward pass, by gemms with
 * a row of ones, which write straight into the output and the gradient view.
 *
 * <p>With spectral normalization (Miyato et al. 2018, see {@link SpectralNorm}) it computes with
 * W / sigma(W), sigma taken over W<sup>T</sup>, the {@code [out, in]} matrix PyTorch's {@code Linear} holds.
 */
final class DenseLayer implements Layer {
    private final int in;
    private final int out;
    private final boolean hasBias;
    private final Buffers buffers;
    private final SpectralNorm spectralNorm;
    private INDArray weights;
    private INDArray effectiveWeights;
    private INDArray bias;
    private INDArray weightGradient;
    private INDArray biasGradient;
    private INDArray input;

    DenseLayer(int in, int out, boolean hasBias, boolean spectralNorm, DataType dataType) {
        this.in = in;
        this.out = out;
        this.hasBias = hasBias;
        this.buffers = new Buffers(dataType);
        this.spectralNorm = spectralNorm ? new SpectralNorm(new long[] {in, out}, 1, dataType) : null;
    }

    @Override
    public String name() {
        return spectralNorm == null ? "DenseLayer" : "DenseLayer+SN";
    }

    @Override
    public SpectralNorm spectralNorm() {
        return spectralNorm;
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
        return (long) in * out + (hasBias ? out : 0);
    }

    @Override
    public long stateCount() {
        return spectralNorm == null ? 0 : spectralNorm.stateCount();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        long w = (long) in * out;
        weights = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, w)).reshape('c', in, out);
        weightGradient = gradients.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, w)).reshape('c', in, out);
        if (hasBias) {
            bias = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(w, w + out)).reshape('c', 1, out);
            biasGradient = gradients.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(w, w + out)).reshape('c', 1, out);
        }
        if (spectralNorm != null) {
            spectralNorm.bind(weights, weightGradient, state);
        }
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        weights.assign(normal.next(weights.dataType(), in, out).muli(weightStd));
        if (hasBias) {
            bias.assign(0);
        }
        if (spectralNorm != null) {
            spectralNorm.initialize(normal);
        }
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
        INDArray y = buffers.get(training ? "y" : "yi", n, out);
        Nd4j.gemm(x, w, y, false, false, 1.0, 0.0);
        if (hasBias) {
            // the bias as a rank-one gemm, not a row-vector broadcast: libnd4j M2.1's broadcast crashed now and then
            // in its TAD cache (a SIGSEGV in TadDescriptor, deeplearning4j issue 9278) in long runs
            Nd4j.gemm(buffers.constant(1, 1, n), bias, y, true, false, 1.0, 1.0);
        }
        if (training) {
            input = x;
            effectiveWeights = w;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        long n = g.size(0);
        if (parameterGradients) {
            Nd4j.gemm(input, g, weightGradient, true, false, 1.0, 0.0);
            if (hasBias) {
                Nd4j.gemm(buffers.constant(1, 1, n), g, biasGradient, false, false, 1.0, 0.0);
            }
            if (spectralNorm != null) {
                spectralNorm.backward();
            }
        }
        if (!inputGradient) {
            return null;
        }
        INDArray dx = buffers.get("dx", n, in);
        Nd4j.gemm(g, effectiveWeights, dx, false, true, 1.0, 0.0);
        return dx;
    }
}
