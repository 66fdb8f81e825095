package dev.gan4j.encoders;

import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;

/** {@code "encoder": {"type": "one-hot"}}: class labels as one-hot vectors; the classes come from the data. */
public record OneHotEncoderSpec() implements EncoderSpec {
    @Override
    public Encoder create(EncoderContext context) {
        return new OneHotEncoder(context.schema(), context.dataType());
    }
}
