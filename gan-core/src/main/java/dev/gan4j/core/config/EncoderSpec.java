package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.Encoder;

/** JSON form of a condition encoder, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface EncoderSpec {
    /** Builds the encoder for the data's conditions (a label encoder reads the class names from the schema). */
    Encoder create(EncoderContext context);
}
