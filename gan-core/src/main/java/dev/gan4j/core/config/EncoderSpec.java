package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Encoder;

/** JSON form of a condition encoder, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface EncoderSpec {
    /** Builds the encoder for a data source (a label encoder reads its class count from the data). */
    Encoder create(DataSource data);
}
