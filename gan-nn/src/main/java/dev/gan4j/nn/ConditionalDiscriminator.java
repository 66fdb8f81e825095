package dev.gan4j.nn;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/** A discriminator that judges each example under its condition through a {@link ConditionalNetwork}. */
public final class ConditionalDiscriminator implements Discriminator {
    private final Shape inputShape;
    private final int conditionDim;
    private final int auxiliaryOutputs;
    private final ConditionalNetwork network;

    public ConditionalDiscriminator(Shape inputShape, int conditionDim, int auxiliaryOutputs, ConditionalNetwork network) {
        this.inputShape = requireNonNull(inputShape, "inputShape is null");
        this.conditionDim = conditionDim;
        this.auxiliaryOutputs = auxiliaryOutputs;
        this.network = requireNonNull(network, "network is null");
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int conditionDim() {
        return conditionDim;
    }

    @Override
    public int auxiliaryOutputs() {
        return auxiliaryOutputs;
    }

    @Override
    public TrainableNetwork network() {
        return network;
    }

    @Override
    public INDArray judge(INDArray examples, INDArray conditions, boolean training) {
        network.condition(conditions);
        return network.forward(examples, training);
    }

    @Override
    public INDArray conditionGradient() {
        return network.conditionGradient();
    }
}
