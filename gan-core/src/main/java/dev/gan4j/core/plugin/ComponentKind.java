package dev.gan4j.core.plugin;

import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.EncoderSpec;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.StrategySpec;

/** The pluggable kinds of component, each chosen in JSON by a {@code "type"} name. */
public enum ComponentKind {
    DATA("data", DataSpec.class),
    GENERATOR("generator", GeneratorSpec.class),
    DISCRIMINATOR("discriminator", DiscriminatorSpec.class),
    ENCODER("encoder", EncoderSpec.class),
    STRATEGY("strategy", StrategySpec.class);

    private final String label;
    private final Class<?> specType;

    ComponentKind(String label, Class<?> specType) {
        this.label = label;
        this.specType = specType;
    }

    /** The word used in messages and in {@code gan components}. */
    public String label() {
        return label;
    }

    /** The interface every spec of this kind implements. */
    public Class<?> specType() {
        return specType;
    }

    public static ComponentKind ofSpecType(Class<?> specType) {
        for (ComponentKind kind : values()) {
            if (kind.specType.equals(specType)) {
                return kind;
            }
        }
        return null;
    }
}
