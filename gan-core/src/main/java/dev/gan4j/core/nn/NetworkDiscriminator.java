package dev.gan4j.core.nn;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;

import static java.util.Objects.requireNonNull;

/**
 * A discriminator made of one trainable network mapping {@code [n, ...inputShape]} to {@code [n, 1]} logits,
 * or to {@code [n, 1 + K]} with an auxiliary classifier's K logits after the adversarial one.
 */
public final class NetworkDiscriminator implements Discriminator {
    private final Shape inputShape;
    private final int conditionDim;
    private final TrainableNetwork network;
    private final int auxiliaryOutputs;

    public NetworkDiscriminator(Shape inputShape, int conditionDim, TrainableNetwork network) {
        this(inputShape, conditionDim, network, 0);
    }

    public NetworkDiscriminator(Shape inputShape, int conditionDim, TrainableNetwork network, int auxiliaryOutputs) {
        if (auxiliaryOutputs < 0) {
            throw new IllegalArgumentException("auxiliaryOutputs must be >= 0, found " + auxiliaryOutputs);
        }
        this.auxiliaryOutputs = auxiliaryOutputs;
        if (conditionDim < 0) {
            throw new IllegalArgumentException("conditionDim must be >= 0, found " + conditionDim);
        }
        this.inputShape = requireNonNull(inputShape, "inputShape is null");
        this.conditionDim = conditionDim;
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
}
