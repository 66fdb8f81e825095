package dev.gan4j.encoders;

import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.EncoderSpec;

/**
 * {@code "encoder": {"type": "text-rnn"}}: sentences through a word embedding and a recurrent network.
 *
 * @param cell         {@code lstm} (default) or {@code gru}
 * @param pooling      {@code mean} (default) of the hidden states over the words, or the {@code last} one
 * @param embeddingDim size of the word vectors (default 64)
 * @param dim          size of the hidden state, which is the condition vector (default 128)
 * @param minCount     fewest occurrences in the data's texts for a word to get its own id (default 1)
 * @param maxLength    words of a sentence read (default 32)
 * @param trainable    {@code false} freezes the seeded initial weights (default true)
 */
public record TextRnnEncoderSpec(RecurrentCell cell, Pooling pooling, Integer embeddingDim, Integer dim, Integer minCount,
                                 Integer maxLength, Boolean trainable) implements EncoderSpec {
    public TextRnnEncoderSpec {
        cell = cell == null ? RecurrentCell.LSTM : cell;
        pooling = pooling == null ? Pooling.MEAN : pooling;
        embeddingDim = Checks.positive("embeddingDim", embeddingDim, 64);
        dim = Checks.positive("dim", dim, 128);
        minCount = Checks.positive("minCount", minCount, 1);
        maxLength = Checks.positive("maxLength", maxLength, 32);
        trainable = trainable == null || trainable;
    }

    @Override
    public Encoder create(EncoderContext context) {
        return new TextRnnEncoder(context, cell, pooling, embeddingDim, dim, minCount, maxLength, trainable);
    }
}
