package dev.gan4j.encoders;

import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;

/**
 * {@code "encoder": {"type": "text-hash"}}: sentences as hashed word and word-pair counts, linearly projected.
 *
 * @param buckets   hash buckets, the size of the features (default 4096)
 * @param dim       size of the condition vector (default 128)
 * @param bigrams   also count adjacent word pairs (default true)
 * @param trainable {@code false} freezes the seeded initial projection (default true)
 */
public record TextHashEncoderSpec(Integer buckets, Integer dim, Boolean bigrams, Boolean trainable) implements EncoderSpec {
    public TextHashEncoderSpec {
        buckets = Checks.positive("buckets", buckets, 4096);
        dim = Checks.positive("dim", dim, 128);
        bigrams = bigrams == null || bigrams;
        trainable = trainable == null || trainable;
    }

    @Override
    public Encoder create(EncoderContext context) {
        return new TextHashEncoder(context, buckets, dim, bigrams, trainable);
    }
}
