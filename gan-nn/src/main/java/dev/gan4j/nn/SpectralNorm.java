package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalization of one layer's weight (Miyato, Kataoka, Koyama &amp; Yoshida 2018, "Spectral
 * Normalization for Generative Adversarial Networks", ICLR): the layer computes with
 * W<sub>SN</sub> = W / sigma(W), sigma the largest singular value of W viewed as a matrix with one row
 * per output channel (PyTorch's {@code spectral_norm} reshapes the same way). It bounds the Lipschitz
 * constant of a discriminator layer by layer, without a penalty term and with one matrix-vector product
 * pair per step.
 *
 * <p>sigma is estimated as in the paper's Algorithm 1: a persistent unit vector u (non-trainable state,
 * saved in checkpoints) takes one power-iteration step per training-mode forward,
 * v = W<sup>T</sup>u / |W<sup>T</sup>u|, u = Wv / |Wv|, sigma = u<sup>T</sup>Wv. An inference-mode forward
 * reads u without moving it: v = W<sup>T</sup>u / |W<sup>T</sup>u|, sigma = u<sup>T</sup>Wv, with u scaled to
 * unit length first (a moving average of weights and state leaves it slightly shorter). The two modes
 * keep separate estimates, so inference passes (samples drawn during training) leave the training
 * estimate where it was. A dense weight {@code [in, out]} (or a 1x1 transposed convolution's {@code [in, out, 1, 1]}) is the
 * transpose of that matrix, so its products take the weight as it is with the other transpose flag. A larger
 * transposed-convolution weight {@code [in, out, k, k]} is neither, and its matrix is a copy refreshed at each
 * forward: one pass over the weight, small next to the layer's own work.
 *
 * <p>The backward pass treats u and v as constants, as the paper (Section 2.2, eq. 12) and PyTorch do:
 * dL/dW = (G - &lt;G, W<sub>SN</sub>&gt; u v<sup>T</sup>) / sigma with G = dL/dW<sub>SN</sub>. With u held
 * (see {@link #hold}) the estimate sigma = |W<sup>T</sup>u| is a differentiable function of W whose
 * gradient is exactly u v<sup>T</sup>, so the formula is then the exact gradient, which is what the
 * finite-difference tests check.
 */
public final class SpectralNorm {
    private static final double EPSILON = 1e-12;

    private final int rows;
    private final int leading;
    private final int trailing;
    private final Layout layout;
    private final Estimate training;
    private final Estimate inference;
    /** The weight by output channel, {@code [rows, leading, trailing]}; {@link Layout#COPIED} only, else null. */
    private final INDArray copy;
    /** The backward's rank-one correction u v<sup>T</sup>, {@code [rows, cols]}; {@link Layout#COPIED} only, else null. */
    private final INDArray rank1;
    private INDArray u;
    /** The weight as a matrix, {@code [rows, cols]}; for {@link Layout#TRANSPOSED} its transpose {@code [cols, rows]}. */
    private INDArray matrix;
    /** The weight gradient shaped like {@link #matrix}; for {@link Layout#COPIED} a permuted view. */
    private INDArray gradientMatrix;
    private INDArray permutedWeights;
    private INDArray weights;
    private INDArray weightGradient;
    private INDArray rank1Rows;
    private boolean held;

    /** How the weight holds the matrix with one row per output channel. */
    private enum Layout {
        /** Output channels first ({@code [out, in, k, k]} convolutions): the weight reshaped is the matrix. */
        ROWS,
        /** Output channels last ({@code [in, out]} dense weights, 1x1 transposed convolutions): the weight is the matrix's transpose. */
        TRANSPOSED,
        /** Output channels second of more axes ({@code [in, out, k, k]} transposed convolutions, k > 1): a copy. */
        COPIED
    }

    /**
     * @param weightShape the layer's weight shape
     * @param outputAxis  the axis of {@code weightShape} that indexes output channels: 0 for
     *                    {@code [out, in, k, k]} convolutions, 1 for {@code [in, out]} dense and
     *                    {@code [in, out, k, k]} transposed-convolution weights
     */
    public SpectralNorm(long[] weightShape, int outputAxis, DataType dataType) {
        if (outputAxis != 0 && outputAxis != 1) {
            throw new IllegalArgumentException("the output axis must be 0 or 1, found " + outputAxis);
        }
        long length = 1;
        for (long d : weightShape) {
            length *= d;
        }
        this.rows = (int) weightShape[outputAxis];
        this.leading = outputAxis == 0 ? 1 : (int) weightShape[0];
        this.trailing = (int) (length / rows / leading);
        this.layout = outputAxis == 0 ? Layout.ROWS : trailing == 1 ? Layout.TRANSPOSED : Layout.COPIED;
        int cols = leading * trailing;
        this.training = new Estimate(dataType, rows, cols, weightShape);
        this.inference = new Estimate(dataType, rows, cols, weightShape);
        boolean copied = layout == Layout.COPIED;
        this.copy = copied ? Nd4j.create(dataType, new long[] {rows, leading, trailing}, 'c') : null;
        this.rank1 = copied ? Nd4j.create(dataType, new long[] {rows, cols}, 'c') : null;
    }

    /** Size of the state vector u: one entry per output channel. */
    public long stateCount() {
        return rows;
    }

    /** Views of the layer's weight, its gradient and this normalization's state u, all contiguous. */
    public void bind(INDArray weights, INDArray weightGradient, INDArray state) {
        this.weights = weights;
        this.weightGradient = weightGradient;
        this.u = state.reshape('c', rows, 1);
        int cols = leading * trailing;
        switch (layout) {
            case ROWS -> {
                this.matrix = weights.reshape('c', rows, cols);
                this.gradientMatrix = weightGradient.reshape('c', rows, cols);
            }
            case TRANSPOSED -> {
                this.matrix = weights.reshape('c', cols, rows);
                this.gradientMatrix = weightGradient.reshape('c', cols, rows);
            }
            case COPIED -> {
                this.matrix = copy.reshape('c', rows, cols);
                this.permutedWeights = weights.reshape('c', leading, rows, trailing).permute(1, 0, 2);
                this.gradientMatrix = weightGradient.reshape('c', leading, rows, trailing).permute(1, 0, 2);
                this.rank1Rows = rank1.reshape('c', rows, leading, trailing);
            }
            default -> throw new AssertionError(layout);
        }
    }

    /** Draws u from N(0, I) and scales it to unit length. */
    public void initialize(NormalSampler normal) {
        u.assign(normal.next(u.dataType(), rows, 1));
        normalize(u);
    }

    /**
     * Estimates sigma (moving u in training mode unless held) and returns W / sigma, a buffer that stays
     * valid until the next forward in the same mode.
     */
    public INDArray forward(boolean trainingMode) {
        if (layout == Layout.COPIED) {
            copy.assign(permutedWeights);
        }
        Estimate e = trainingMode ? training : inference;
        if (trainingMode && !held) {
            transposeTimes(u, e.v);
            normalize(e.v);
            times(e.v, e.u);
            e.sigma = Math.max(normalize(e.u), EPSILON);
            u.assign(e.u);
        } else {
            e.u.assign(u);
            normalize(e.u);
            transposeTimes(e.u, e.v);
            e.sigma = Math.max(normalize(e.v), EPSILON);
        }
        weights.div(e.sigma, e.normalized);
        return e.normalized;
    }

    /** {@code result = M x}, M the weight by output channel. */
    private void times(INDArray x, INDArray result) {
        Nd4j.gemm(matrix, x, result, layout == Layout.TRANSPOSED, false, 1.0, 0.0);
    }

    /** {@code result = M^T y}. */
    private void transposeTimes(INDArray y, INDArray result) {
        Nd4j.gemm(matrix, y, result, layout != Layout.TRANSPOSED, false, 1.0, 0.0);
    }

    /** Turns the bound weight gradient, d(loss)/d(W / sigma) of the last training forward, into d(loss)/dW, in place. */
    public void backward() {
        Estimate e = training;
        double projection = Nd4j.getBlasWrapper().dot(flat(weightGradient), flat(e.normalized));
        switch (layout) {
            case ROWS -> Nd4j.gemm(e.u, e.v, gradientMatrix, false, true, -projection, 1.0);
            case TRANSPOSED -> Nd4j.gemm(e.v, e.u, gradientMatrix, false, true, -projection, 1.0);
            case COPIED -> {
                Nd4j.gemm(e.u, e.v, rank1, false, true, projection, 0.0);
                gradientMatrix.subi(rank1Rows);
            }
            default -> throw new AssertionError(layout);
        }
        weightGradient.divi(e.sigma);
    }

    /** sigma as estimated by the last training-mode forward. */
    public double sigma() {
        return training.sigma;
    }

    /** Keeps u where it is during training-mode forwards too: the gradient checks need a loss that depends on W alone. */
    public void hold(boolean hold) {
        this.held = hold;
    }

    /**
     * A contiguous array as a vector, for the BLAS dot and norm: they return a double where ND4J's reductions allocate a
     * scalar array per call, which piled up as native garbage over a long run of a spectrally normalized network.
     */
    private static INDArray flat(INDArray contiguous) {
        return contiguous.reshape('c', new long[] {contiguous.length()});
    }

    private static double normalize(INDArray x) {
        double norm = Nd4j.getBlasWrapper().nrm2(flat(x));
        x.divi(Math.max(norm, EPSILON));
        return norm;
    }

    /** One mode's u, v, sigma and normalized weight, as the backward pass needs them. */
    private static final class Estimate {
        final INDArray u;
        final INDArray v;
        final INDArray normalized;
        double sigma = 1;

        Estimate(DataType dataType, int rows, int cols, long[] weightShape) {
            this.u = Nd4j.create(dataType, new long[] {rows, 1}, 'c');
            this.v = Nd4j.create(dataType, new long[] {cols, 1}, 'c');
            this.normalized = Nd4j.create(dataType, weightShape, 'c');
        }
    }
}
