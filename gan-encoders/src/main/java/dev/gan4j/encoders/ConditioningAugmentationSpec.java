package dev.gan4j.encoders;

import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.train.Seeds;

/**
 * {@code "encoder": {"type": "conditioning-augmentation", "encoder": {...}, "dim": 128, "klWeight": 1}}: StackGAN's
 * conditioning augmentation (Zhang et al. 2017) between any encoder and G. G reads a draw around the wrapped
 * encoding and its loss gains klWeight times the KL divergence from N(0, I); D reads the wrapped encoding; at
 * sampling time G reads the mean. The layer learns with G, with the encoder's optimizer.
 *
 * @param encoder  the encoder whose vectors are augmented (required)
 * @param dim      size of the condition G reads (default 128, the paper's)
 * @param klWeight weight of the KL term in G's loss, lambda of the paper (default 1). The KL is summed over
 *                 the condition's dimensions and averaged over examples, as the paper writes it; the authors'
 *                 code averages over dimensions too, with weight 2, which is klWeight 2 / dim here
 */
public record ConditioningAugmentationSpec(EncoderSpec encoder, Integer dim, Double klWeight) implements EncoderSpec {
    public ConditioningAugmentationSpec {
        Checks.required("encoder", encoder);
        if (encoder instanceof ConditioningAugmentationSpec) {
            throw new InvalidValueException("encoder", "is already a conditioning augmentation; augment once");
        }
        dim = Checks.positive("dim", dim, 128);
        klWeight = klWeight == null ? 1.0 : klWeight;
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw new InvalidValueException("klWeight", "must be a finite number >= 0, found " + klWeight);
        }
    }

    @Override
    public Encoder create(EncoderContext context) {
        Encoder wrapped = encoder.create(context);
        if (wrapped.outputDim() == 0) {
            throw new InvalidValueException("encoder", "produces no condition to augment");
        }
        return new AugmentedEncoder(wrapped, new AugmentationLayer(wrapped.outputDim(), dim, klWeight, context.updater(),
                Seeds.derive(context.seed(), Seeds.INIT, 1), context.dataType()));
    }
}
