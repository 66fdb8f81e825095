package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Conditional batch normalization (de Vries, Strub, Mary, Larochelle, Pietquin &amp; Courville 2017,
 * "Modulating early visual processing by language"; the same modulation as the conditional instance norm of
 * Dumoulin, Shlens &amp; Kudlur 2017, "A Learned Representation for Artistic Style"), as the generators of
 * Miyato &amp; Koyama 2018 ("cGANs with Projection Discriminator") and BigGAN (Brock, Donahue &amp; Simonyan
 * 2019) use it:
 * <pre>
 *   y = BN(x) * (1 + c W<sub>gamma</sub>) + c W<sub>beta</sub>
 * </pre>
 * BN(x) the batch normalization of {@link BatchNormLayer} without its own scale and shift, c the example's
 * condition {@code [conditionDim]}, and W<sub>gamma</sub>, W<sub>beta</sub> {@code [conditionDim, channels]}
 * learned maps to one scale offset and one shift per channel (per feature for {@code [n, f]} input). Both maps
 * start at zero, so an untrained layer is plain batch normalization with scale 1 and shift 0. With one-hot
 * conditions each class has its own scale and shift, as in the class-conditional batch norm of the papers.
 *
 * <p>The statistics are {@link BatchStatistics}: batch statistics in training mode, running ones (momentum 0.1,
 * unbiased variance, PyTorch's conventions) in inference mode. The backward pass returns d(loss)/dx through
 * libnd4j's {@code batchnorm_bp} applied to d(loss)/d(BN(x)) = g * (1 + c W<sub>gamma</sub>), and keeps the
 * per-example gradients of the scale and the shift for W's gradient and for d(loss)/dc (see
 * {@link #addConditionGradient}).
 */
final class ConditionalBatchNormLayer implements ConditionedLayer {
    private final Shape shape;
    private final int channels;
    private final int conditionDim;
    private final Buffers buffers;
    private final BatchStatistics statistics;
    private final INDArray ones;
    private final INDArray zeros;
    private INDArray gammaWeights;
    private INDArray betaWeights;
    private INDArray gammaWeightGradient;
    private INDArray betaWeightGradient;
    private INDArray pendingConditions;
    private INDArray conditions;
    private INDArray normalized;
    private INDArray scale;
    private INDArray scaleGradient;
    private INDArray shiftGradient;

    ConditionalBatchNormLayer(Shape shape, int conditionDim, DataType dataType) {
        this.buffers = new Buffers(dataType);
        this.statistics = new BatchStatistics(shape, "conditional batch norm", buffers);
        if (conditionDim <= 0) {
            throw new IllegalArgumentException("conditionDim must be > 0, found " + conditionDim);
        }
        this.shape = shape;
        this.channels = statistics.channels();
        this.conditionDim = conditionDim;
        this.ones = Nd4j.ones(dataType, channels);
        this.zeros = Nd4j.zeros(dataType, channels);
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

    /** W<sub>gamma</sub> then W<sub>beta</sub>, each {@code [conditionDim, channels]} in C order. */
    @Override
    public long parameterCount() {
        return 2L * conditionDim * channels;
    }

    /** The running mean, then the running variance. */
    @Override
    public long stateCount() {
        return statistics.stateCount();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        long w = (long) conditionDim * channels;
        gammaWeights = parameters.get(NDArrayIndex.interval(0, w)).reshape('c', conditionDim, channels);
        betaWeights = parameters.get(NDArrayIndex.interval(w, 2 * w)).reshape('c', conditionDim, channels);
        gammaWeightGradient = gradients.get(NDArrayIndex.interval(0, w)).reshape('c', conditionDim, channels);
        betaWeightGradient = gradients.get(NDArrayIndex.interval(w, 2 * w)).reshape('c', conditionDim, channels);
        statistics.bind(state);
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        gammaWeights.assign(0);
        betaWeights.assign(0);
        statistics.initialize();
    }

    @Override
    public void condition(INDArray conditions) {
        this.pendingConditions = conditions;
    }

    @Override
    public INDArray forwardNear(INDArray x) {
        throw BatchStatistics.noNearPass();
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long n = x.size(0);
        INDArray c = pendingConditions;
        if (c == null || c.size(0) != n || c.size(1) != conditionDim) {
            throw new IllegalStateException("conditional batch norm needs conditions [" + n + ", " + conditionDim + "], found "
                    + (c == null ? "none" : java.util.Arrays.toString(c.shape())));
        }
        INDArray y = buffers.get(training ? "y" : "yi", shape.withBatch(n));
        INDArray s = buffers.get(training ? "scale" : "scalei", n, channels);
        INDArray b = buffers.get(training ? "shift" : "shifti", n, channels);
        Nd4j.gemm(c, gammaWeights, s, false, false, 1.0, 0.0);
        s.addi(1);
        Nd4j.gemm(c, betaWeights, b, false, false, 1.0, 0.0);
        if (training) {
            conditions = c;
            scale = s;
            normalized = buffers.get("normalized", shape.withBatch(n));
            statistics.normalize(x, true, ones, zeros, normalized);
            multiply(normalized, s, y);
        } else {
            statistics.normalize(x, false, ones, zeros, y);
            multiply(y, s, y);
        }
        if (shape.isImage()) {
            Nd4j.getExecutioner().exec(new BroadcastAddOp(y, b, y, 0, 1));
        } else {
            y.addi(b);
        }
        return y;
    }

    /** out = x * perChannel, {@code perChannel} {@code [n, channels]} broadcast over the pixels of images. */
    private void multiply(INDArray x, INDArray perChannel, INDArray out) {
        if (shape.isImage()) {
            Nd4j.getExecutioner().exec(new BroadcastMulOp(x, perChannel, out, 0, 1));
        } else {
            x.mul(perChannel, out);
        }
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        long n = g.size(0);
        scaleGradient = buffers.get("dscale", n, channels);
        shiftGradient = buffers.get("dshift", n, channels);
        if (shape.isImage()) {
            g.mul(normalized, buffers.get("gnormalized", shape.withBatch(n))).sum(scaleGradient, 2, 3);
            g.sum(shiftGradient, 2, 3);
        } else {
            g.mul(normalized, scaleGradient);
            shiftGradient.assign(g);
        }
        if (parameterGradients) {
            Nd4j.gemm(conditions, scaleGradient, gammaWeightGradient, true, false, 1.0, 0.0);
            Nd4j.gemm(conditions, shiftGradient, betaWeightGradient, true, false, 1.0, 0.0);
        }
        if (!inputGradient) {
            return null;
        }
        INDArray gradientOfNormalized = buffers.get("gscaled", shape.withBatch(n));
        multiply(g, scale, gradientOfNormalized);
        INDArray dx = buffers.get("dx", shape.withBatch(n));
        statistics.backward(gradientOfNormalized, ones, zeros, dx, buffers.get("dgamma", channels), buffers.get("dbeta", channels));
        return dx;
    }

    /** d(loss)/dc = dScale W<sub>gamma</sub><sup>T</sup> + dShift W<sub>beta</sub><sup>T</sup>, the per-example gradients of the last backward. */
    @Override
    public void addConditionGradient(INDArray target) {
        Nd4j.gemm(scaleGradient, gammaWeights, target, false, true, 1.0, 1.0);
        Nd4j.gemm(shiftGradient, betaWeights, target, false, true, 1.0, 1.0);
    }
}
