package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.Discriminator;

/** JSON form of a discriminator architecture, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DiscriminatorSpec {
    /** Builds a freshly initialised discriminator judging examples of {@code context.dataShape()}. */
    Discriminator create(ModelContext context);
}
