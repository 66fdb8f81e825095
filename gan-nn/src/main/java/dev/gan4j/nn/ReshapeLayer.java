package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A view of each example in another shape of the same size (flatten, unflatten), in C order like PyTorch's view. */
final class ReshapeLayer implements Layer {
    private final Shape from;
    private final Shape to;

    ReshapeLayer(Shape from, Shape to) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("cannot view " + from + " as " + to);
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public Shape inputShape() {
        return from;
    }

    @Override
    public Shape outputShape() {
        return to;
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return x.reshape('c', to.withBatch(x.size(0)));
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        return inputGradient ? g.reshape('c', from.withBatch(g.size(0))) : null;
    }
}
