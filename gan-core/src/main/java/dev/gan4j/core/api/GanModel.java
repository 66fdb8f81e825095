package dev.gan4j.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The networks of one experiment, by role. Checkpoints store each trainable network under its role name. */
public record GanModel(Generator generator, Discriminator discriminator, Encoder encoder) {
    public GanModel {
        requireNonNull(generator, "generator is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(encoder, "encoder is null");
    }

    /** Trainable networks by role, in a stable order. */
    public Map<String, TrainableNetwork> networks() {
        Map<String, TrainableNetwork> networks = new LinkedHashMap<>();
        networks.put("generator", generator.network());
        networks.put("discriminator", discriminator.network());
        return networks;
    }
}
