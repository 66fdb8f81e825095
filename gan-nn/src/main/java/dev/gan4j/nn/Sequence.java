package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Layers one after the other, each taking the previous one's output ({@link FastNetwork.Builder#add} checked that):
 * the body of a network and the paths of a {@link Residual} block. An empty sequence is the identity of its input shape.
 */
final class Sequence implements Layer {
    private final Shape inputShape;
    private final List<Layer> layers;

    Sequence(Shape inputShape, List<Layer> layers) {
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
    }

    boolean isEmpty() {
        return layers.isEmpty();
    }

    /** Short, so that profiles stay readable: blocks of many layers would otherwise name them all. */
    @Override
    public String name() {
        return "Sequence(" + layers.size() + ")";
    }

    @Override
    public List<Layer> children() {
        return layers;
    }

    @Override
    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    @Override
    public long stateCount() {
        return layers.stream().mapToLong(Layer::stateCount).sum();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        bindAll(layers, parameters, gradients, state);
    }

    /** Binds each layer to the next stretch of the flat vectors, in order. */
    static void bindAll(List<Layer> layers, INDArray parameters, INDArray gradients, INDArray state) {
        long p = 0;
        long s = 0;
        for (Layer layer : layers) {
            long pc = layer.parameterCount();
            long sc = layer.stateCount();
            layer.bind(slice(parameters, p, pc), slice(gradients, p, pc), slice(state, s, sc));
            p += pc;
            s += sc;
        }
    }

    static INDArray slice(INDArray flat, long offset, long length) {
        return length == 0 ? null : flat.get(NDArrayIndex.interval(offset, offset + length));
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        layers.forEach(layer -> layer.initialize(weightStd, normal));
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    @Override
    public INDArray forwardNear(INDArray input) {
        INDArray x = input;
        for (Layer layer : layers) {
            x = layer.forwardNear(x);
        }
        return x;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        INDArray g = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, parameterGradients, inputGradient || i > 0);
        }
        return g;
    }
}
