package dev.gan4j.encoders;

import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;

/** {@code "encoder": {"type": "multi-hot"}}: tag sets as multi-hot vectors; the tag vocabulary comes from the data. */
public record MultiHotEncoderSpec() implements EncoderSpec {
    @Override
    public Encoder create(EncoderContext context) {
        return new MultiHotEncoder(context.schema(), context.dataType());
    }
}
