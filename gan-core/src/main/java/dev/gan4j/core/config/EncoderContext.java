package dev.gan4j.core.config;

import dev.gan4j.core.api.ConditionSchema;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

import static java.util.Objects.requireNonNull;

/**
 * What an encoder is built from: the data's condition schema (class names, tag vocabulary) and, for
 * trainable encoders, a seed, an optimizer and the data type.
 */
public record EncoderContext(ConditionSchema schema, long seed, IUpdater updater, DataType dataType) {
    public EncoderContext {
        requireNonNull(schema, "schema is null");
        requireNonNull(updater, "updater is null");
        requireNonNull(dataType, "dataType is null");
    }
}
