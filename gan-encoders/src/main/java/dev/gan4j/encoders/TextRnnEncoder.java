package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.nn.FrozenNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Sentences through a word embedding and a recurrent network ({@link RecurrentTextNetwork}), trained by D's
 * gradient with respect to the condition. The vocabulary is every word of the data's texts seen at least
 * {@code minCount} times, most frequent first; id 0 pads, and id 1 is the whole of a sentence none of whose words
 * is known (the unknown words of other sentences are left out). Built once from the
 * data, it is kept in the schema this encoder reports, which checkpoints store, so a checkpoint rebuilds the
 * same encoder without the data.
 */
public final class TextRnnEncoder implements Encoder {
    /** Ids before the words: padding and unknown words. */
    static final int PADDING = 0;
    static final int UNKNOWN = 1;

    private final ConditionSchema schema;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int maxLength;
    private final DataType dataType;
    private final RecurrentTextNetwork recurrent;
    private final TrainableNetwork network;

    /**
     * @param minCount  fewest occurrences of a word in the data's texts for it to get its own id
     * @param maxLength words of a sentence read, the rest ignored
     * @param trainable {@code false} keeps the seeded initial weights (random recurrent features)
     */
    public TextRnnEncoder(EncoderContext context, RecurrentCell cell, Pooling pooling, int embeddingDim, int dim, int minCount,
                          int maxLength, boolean trainable) {
        requireNonNull(context, "context is null");
        ConditionSchema given = TextEncoders.requireTexts(context.schema(), "text-rnn");
        List<String> words = given.vocabulary().isEmpty() ? vocabulary(context.texts().get(), minCount) : given.vocabulary();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("text-rnn builds its vocabulary from the data's texts, but "
                    + (given.vocabulary().isEmpty() && context.texts().get().isEmpty() ? "none were given"
                    : "no word occurs " + minCount + " times (lower minCount)"));
        }
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be > 0, found " + maxLength);
        }
        this.schema = given.withVocabulary(words);
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), UNKNOWN + 1 + i);
        }
        this.maxLength = maxLength;
        this.dataType = context.dataType();
        this.recurrent = new RecurrentTextNetwork(words.size() + 2, embeddingDim, dim, cell, pooling, context.updater(),
                context.seed(), context.dataType());
        this.network = trainable ? recurrent : new FrozenNetwork(recurrent);
    }

    /** Words seen at least {@code minCount} times in {@code texts}, most frequent first, ties in alphabetical order. */
    static List<String> vocabulary(List<String> texts, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String word : Tokenizer.tokens(text)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public int outputDim() {
        return recurrent.hidden();
    }

    /** The data's schema with this encoder's vocabulary. */
    @Override
    public ConditionSchema schema() {
        return schema;
    }

    /**
     * {@code [n, T]} word ids, T the longest sentence's word count (at most maxLength), padded with 0. Words
     * outside the vocabulary are skipped: with the default minCount of 1 every training word has its own id, so
     * an unknown-word vector would never be trained and would only add noise to a wish. A sentence without a
     * known word reads as the single unknown-word id.
     */
    public INDArray wordIds(List<String> texts) {
        List<int[]> rows = new ArrayList<>(texts.size());
        int length = 1;
        for (String text : texts) {
            List<String> words = Tokenizer.tokens(text).stream().filter(ids::containsKey).toList();
            int[] row = new int[Math.max(1, Math.min(maxLength, words.size()))];
            java.util.Arrays.fill(row, UNKNOWN);
            for (int i = 0; i < Math.min(maxLength, words.size()); i++) {
                row[i] = ids.getOrDefault(words.get(i), UNKNOWN);
            }
            rows.add(row);
            length = Math.max(length, row.length);
        }
        double[] values = new double[texts.size() * length];
        for (int i = 0; i < rows.size(); i++) {
            int[] row = rows.get(i);
            for (int t = 0; t < row.length; t++) {
                values[i * length + t] = row[t];
            }
        }
        return Nd4j.create(values, new long[] {texts.size(), length}, 'c').castTo(dataType);
    }

    @Override
    public INDArray encode(Conditions conditions, boolean training) {
        return network.forward(wordIds(TextEncoders.texts(conditions, "text-rnn")), training);
    }

    /** @throws IllegalArgumentException for a sentence none of whose words the vocabulary holds, listing it */
    @Override
    public Conditions parse(List<String> wishes) {
        Conditions conditions = TextEncoders.parse(wishes);
        for (String wish : wishes) {
            if (Tokenizer.tokens(wish).stream().noneMatch(ids::containsKey)) {
                throw new IllegalArgumentException("none of the words of '" + wish + "' occurs in the training texts; known words: "
                        + String.join(", ", new TreeSet<>(schema.vocabulary())));
            }
        }
        return conditions;
    }

    @Override
    public TrainableNetwork network() {
        return network;
    }
}
