package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the layers that only move, copy or sum values share: shapes, buffers, nothing to learn or keep. */
abstract class ParameterFreeLayer implements Layer {
    private final Shape inputShape;
    private final Shape outputShape;
    final Buffers buffers;

    ParameterFreeLayer(Shape inputShape, Shape outputShape, DataType dataType) {
        this.inputShape = inputShape;
        this.outputShape = outputShape;
        this.buffers = new Buffers(dataType);
    }

    @Override
    public final Shape inputShape() {
        return inputShape;
    }

    @Override
    public final Shape outputShape() {
        return outputShape;
    }

    @Override
    public final long parameterCount() {
        return 0;
    }

    @Override
    public final void bind(INDArray parameters, INDArray gradients, INDArray state) {
    }

    @Override
    public final void initialize(double weightStd, NormalSampler normal) {
    }

    /** This layer's output buffer for a batch of {@code n}, one per mode so that inference passes keep training's. */
    final INDArray output(long n, boolean training) {
        return buffers.get(training ? "y" : "yi", outputShape.withBatch(n));
    }

    final INDArray inputGradient(long n) {
        return buffers.get("dx", inputShape.withBatch(n));
    }

    static Shape requireImage(Shape shape, String layer) {
        if (!shape.isImage()) {
            throw new IllegalArgumentException(layer + " needs image input [c, h, w], found " + shape);
        }
        return shape;
    }
}
