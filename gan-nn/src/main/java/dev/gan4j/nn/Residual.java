package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A residual block (He et al. 2016, "Deep Residual Learning for Image Recognition"): {@code main(x) + skip(x)}, the
 * skip path the identity or a short sequence of its own (a 1x1 convolution where the channels change, with the
 * same upsampling or pooling as the main path where the size does), as in the blocks of SRResNet (Ledig et al.
 * 2017) and of the SN-GAN ResNets (Miyato et al. 2018). The gradient reaches the input by both paths and adds up.
 */
final class Residual implements Layer {
    private final Sequence main;
    private final Sequence skip;
    private final Buffers buffers;

    Residual(Sequence main, Sequence skip, DataType dataType) {
        if (main.isEmpty()) {
            throw new IllegalArgumentException("a residual block needs at least one layer on its main path");
        }
        if (!main.outputShape().equals(skip.outputShape())) {
            throw new IllegalArgumentException("a residual block adds its paths, but the main path gives " + main.outputShape()
                    + " and the skip path " + skip.outputShape()
                    + (skip.isEmpty() ? " (the identity): give the skip path layers that match the main path" : ""));
        }
        this.main = main;
        this.skip = skip;
        this.buffers = new Buffers(dataType);
    }

    @Override
    public Shape inputShape() {
        return main.inputShape();
    }

    @Override
    public Shape outputShape() {
        return main.outputShape();
    }

    @Override
    public String name() {
        return "Residual(" + main.children().size() + (skip.isEmpty() ? "" : " + " + skip.children().size()) + ")";
    }

    @Override
    public List<Layer> children() {
        return List.of(main, skip);
    }

    @Override
    public long parameterCount() {
        return main.parameterCount() + skip.parameterCount();
    }

    @Override
    public long stateCount() {
        return main.stateCount() + skip.stateCount();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients, INDArray state) {
        Sequence.bindAll(children(), parameters, gradients, state);
    }

    @Override
    public void initialize(double weightStd, NormalSampler normal) {
        main.initialize(weightStd, normal);
        skip.initialize(weightStd, normal);
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return sum(main.forward(input, training), skip.forward(input, training), training ? "y" : "yi");
    }

    @Override
    public INDArray forwardNear(INDArray input) {
        return sum(main.forwardNear(input), skip.forwardNear(input), "y");
    }

    private INDArray sum(INDArray a, INDArray b, String role) {
        return a.add(b, buffers.get(role, a.shape()));
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        INDArray throughMain = main.backward(outputGradient, parameterGradients, inputGradient);
        INDArray throughSkip = skip.backward(outputGradient, parameterGradients, inputGradient);
        if (!inputGradient) {
            return null;
        }
        return sum(throughMain, throughSkip, "dx");
    }
}
