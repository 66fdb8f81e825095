package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionAugmentation;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An encoder with conditioning augmentation between it and G: D reads the wrapped encoder's vectors and
 * trains it as before, G reads the augmentation's draws (see {@link AugmentationLayer}).
 */
final class AugmentedEncoder implements Encoder {
    private final Encoder encoder;
    private final ConditionAugmentation augmentation;

    AugmentedEncoder(Encoder encoder, ConditionAugmentation augmentation) {
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.augmentation = requireNonNull(augmentation, "augmentation is null");
    }

    @Override
    public int outputDim() {
        return encoder.outputDim();
    }

    @Override
    public ConditionSchema schema() {
        return encoder.schema();
    }

    @Override
    public INDArray encode(Conditions conditions, boolean training) {
        return encoder.encode(conditions, training);
    }

    @Override
    public Conditions parse(List<String> wishes) {
        return encoder.parse(wishes);
    }

    @Override
    public TrainableNetwork network() {
        return encoder.network();
    }

    @Override
    public ConditionAugmentation augmentation() {
        return augmentation;
    }
}
