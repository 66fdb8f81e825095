package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A view of each example in another shape of the same size (flatten, unflatten), in C order like PyTorch's view. */
final class ReshapeLayer extends ParameterFreeLayer {
    ReshapeLayer(Shape from, Shape to, DataType dataType) {
        super(sameSize(from, to), to, dataType);
    }

    private static Shape sameSize(Shape from, Shape to) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("cannot view " + from + " as " + to);
        }
        return from;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return x.reshape('c', outputShape().withBatch(x.size(0)));
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        return inputGradient ? g.reshape('c', inputShape().withBatch(g.size(0))) : null;
    }
}
