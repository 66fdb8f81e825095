package dev.gan4j.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The networks of one experiment, by role. Checkpoints store each trainable network under its role name.
 *
 * @param averaged a copy of the generator holding the moving average of its weights, or {@code null} when
 *                 the experiment keeps none; it samples in place of the generator
 */
public record GanModel(Generator generator, Discriminator discriminator, Encoder encoder, Generator averaged) {
    /** Role of the averaged generator in checkpoints. */
    public static final String AVERAGED_GENERATOR = "generator-ema";
    /** Role of the encoder's conditioning augmentation in checkpoints. */
    public static final String AUGMENTATION = "augmentation";

    public GanModel {
        requireNonNull(generator, "generator is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(encoder, "encoder is null");
    }

    public GanModel(Generator generator, Discriminator discriminator, Encoder encoder) {
        this(generator, discriminator, encoder, null);
    }

    /** The generator that samples: the averaged one when the experiment keeps an average. */
    public Generator samplingGenerator() {
        return averaged == null ? generator : averaged;
    }

    /** This model sampling with the raw generator weights, ignoring any average. */
    public GanModel withoutAverage() {
        return new GanModel(generator, discriminator, encoder, null);
    }

    /** Trainable networks by role, in a stable order. */
    public Map<String, TrainableNetwork> networks() {
        Map<String, TrainableNetwork> networks = new LinkedHashMap<>();
        networks.put("generator", generator.network());
        networks.put("discriminator", discriminator.network());
        if (encoder.network() != null) {
            networks.put("encoder", encoder.network());
        }
        if (encoder.augmentation() != null) {
            networks.put(AUGMENTATION, encoder.augmentation().network());
        }
        if (averaged != null) {
            networks.put(AVERAGED_GENERATOR, averaged.network());
        }
        return networks;
    }
}
