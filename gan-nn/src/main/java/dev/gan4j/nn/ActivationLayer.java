package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An element-wise activation on the stored pre-activation. Leaky ReLU and the ReLU backward pass
 * are composed from simple element-wise ops: libnd4j's {@code lrelu}, {@code lrelu_bp} and
 * {@code relu_bp} ops took 5 to 10 times longer on DCGAN's feature maps (measured with
 * {@code gan bench --profile}). At exactly 0, where (leaky) ReLU has no derivative, the backward pass takes the
 * right-hand one, 1, as libnd4j's {@code LeakyReLUDerivative} and so DL4J's own layers do (PyTorch takes 0 for ReLU
 * and the slope for leaky ReLU):
 * it matters only for inputs that sit exactly on the kink, such as a batch-norm channel that is constant.
 */
final class ActivationLayer extends ParameterFreeLayer {
    private final Activation activation;
    private final double slope;
    private INDArray input;
    private INDArray frozenSlopes;
    private boolean near;

    ActivationLayer(Activation activation, double slope, Shape shape, DataType dataType) {
        super(shape, shape, dataType);
        this.activation = activation;
        this.slope = slope;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = output(x.size(0), training);
        if (training) {
            input = x;
            frozenSlopes = null;
            near = false;
        }
        if (activation == Activation.LEAKY_RELU) {
            x.mul(slope, y);
            Nd4j.exec(DynamicCustomOp.builder("maximum").addInputs(x, y).addOutputs(y).build());
            return y;
        }
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(activation.op).addInputs(x).addOutputs(y);
        switch (activation) {
            case RELU -> op.addFloatingPointArguments(0.0);
            default -> {
            }
        }
        Nd4j.exec(op.build());
        return y;
    }

    @Override
    public void freeze() {
        if (frozenSlopes == null && input != null && (activation == Activation.LEAKY_RELU || activation == Activation.RELU)) {
            frozenSlopes = buffers.get("slopes", input.shape());
            Nd4j.getExecutioner().exec(new LeakyReLUDerivative(input, frozenSlopes, activation == Activation.RELU ? 0.0 : slope));
        }
    }

    /** A piecewise-linear activation multiplies by the slopes of the last training forward; a smooth one runs as usual. */
    @Override
    public INDArray forwardNear(INDArray x) {
        if (activation != Activation.LEAKY_RELU && activation != Activation.RELU) {
            return forward(x, true);
        }
        near = true;
        return x.mul(frozenSlopes, output(x.size(0), true));
    }

    @Override
    public INDArray backward(INDArray g, boolean parameterGradients, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        INDArray dx = inputGradient(g.size(0));
        if (near) {
            return g.mul(frozenSlopes, dx);
        }
        if (activation == Activation.LEAKY_RELU || activation == Activation.RELU) {
            Nd4j.getExecutioner().exec(new LeakyReLUDerivative(input, dx, activation == Activation.RELU ? 0.0 : slope));
            return dx.muli(g);
        }
        Nd4j.exec(DynamicCustomOp.builder(activation.op + "_bp").addInputs(input, g).addOutputs(dx).build());
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
