package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.Generator;

/** JSON form of a generator architecture, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface GeneratorSpec {
    /** Builds a freshly initialised generator producing examples of {@code context.dataShape()}. */
    Generator create(ModelContext context);
}
