package dev.gan4j.core.nn;

import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;

import static java.util.Objects.requireNonNull;

/** A generator made of one trainable network taking {@code [n, latentDim + conditionDim]}. */
public final class NetworkGenerator implements Generator {
    private final int latentDim;
    private final int conditionDim;
    private final Shape outputShape;
    private final TrainableNetwork network;

    public NetworkGenerator(int latentDim, int conditionDim, Shape outputShape, TrainableNetwork network) {
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim must be > 0, found " + latentDim);
        }
        if (conditionDim < 0) {
            throw new IllegalArgumentException("conditionDim must be >= 0, found " + conditionDim);
        }
        this.latentDim = latentDim;
        this.conditionDim = conditionDim;
        this.outputShape = requireNonNull(outputShape, "outputShape is null");
        this.network = requireNonNull(network, "network is null");
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public int conditionDim() {
        return conditionDim;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public TrainableNetwork network() {
        return network;
    }
}
