package dev.gan4j.core.config;

import dev.gan4j.core.api.ConditionSchema;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What an encoder is built from: the data's condition schema (class names, tag vocabulary) and, for
 * trainable encoders, a seed, an optimizer and the data type.
 *
 * @param texts the data's texts, for an encoder that builds its vocabulary from them; empty when the model is
 *              rebuilt from a checkpoint, whose schema then holds the vocabulary
 */
public record EncoderContext(ConditionSchema schema, long seed, IUpdater updater, DataType dataType,
                             Supplier<List<String>> texts) {
    public EncoderContext {
        requireNonNull(schema, "schema is null");
        requireNonNull(updater, "updater is null");
        requireNonNull(dataType, "dataType is null");
        requireNonNull(texts, "texts is null");
    }

    /** A context without the data's texts. */
    public EncoderContext(ConditionSchema schema, long seed, IUpdater updater, DataType dataType) {
        this(schema, seed, updater, dataType, List::of);
    }
}
