package dev.gan4j.core.fast;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** An element-wise activation on libnd4j's ops, with its backprop op on the stored pre-activation. */
final class ActivationLayer implements FastLayer {
    private final Activation activation;
    private final double slope;
    private final Shape shape;
    private final Buffers buffers;
    private INDArray input;

    ActivationLayer(Activation activation, double slope, Shape shape, DataType dataType) {
        this.activation = activation;
        this.slope = slope;
        this.shape = shape;
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
    public long parameterCount() {
        return 0;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
    }

    @Override
    public void initialize(double weightStd) {
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = buffers.get(training ? "y" : "yi", x.shape());
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(activation.op).addInputs(x).addOutputs(y);
        switch (activation) {
            case RELU -> op.addFloatingPointArguments(0.0);
            case LEAKY_RELU -> op.addFloatingPointArguments(slope);
            default -> {
            }
        }
        Nd4j.exec(op.build());
        if (training) {
            input = x;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        INDArray dx = buffers.get("dx", g.shape());
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(activation.op + "_bp").addInputs(input, g).addOutputs(dx);
        if (activation == Activation.LEAKY_RELU) {
            op.addFloatingPointArguments(slope);
        }
        Nd4j.exec(op.build());
        return dx;
    }

    /** The activations a {@link FastNetwork} offers. */
    enum Activation {
        RELU("relu"),
        LEAKY_RELU("lrelu"),
        TANH("tanh"),
        SIGMOID("sigmoid");

        private final String op;

        Activation(String op) {
            this.op = op;
        }
    }
}
