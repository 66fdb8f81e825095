package dev.gan4j.encoders;

import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Unconditional;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;

/** No conditioning: {@code "encoder": {"type": "none"}} is the same as leaving the encoder out. */
public record NoneEncoderSpec() implements EncoderSpec {
    @Override
    public Encoder create(EncoderContext context) {
        return Unconditional.INSTANCE;
    }
}
