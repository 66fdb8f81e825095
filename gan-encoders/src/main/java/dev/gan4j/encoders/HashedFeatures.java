package dev.gan4j.encoders;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hashing trick (Weinberger et al. 2009) on word unigrams and bigrams: each feature goes to bucket
 * FNV-1a-64(UTF-8 bytes) mod buckets, so no vocabulary is needed and unseen words still land somewhere.
 * FNV-1a is specified on bytes, so a checkpoint maps a word to the same bucket on any JVM and in any
 * version; {@code String.hashCode} is neither meant nor documented as a stable hash. Rows are scaled to
 * unit length, so a sentence's length does not set the size of its encoding.
 */
final class HashedFeatures {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private HashedFeatures() {
    }

    /** FNV-1a, 64 bits, of the UTF-8 bytes of {@code text}. */
    static long fnv1a(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    static int bucket(String feature, int buckets) {
        return (int) Long.remainderUnsigned(fnv1a(feature), buckets);
    }

    /**
     * {@code [n, buckets]} counts of each text's words and, with {@code bigrams}, of its adjacent word pairs
     * (joined by a space, which no word contains), each row divided by its Euclidean norm.
     */
    static INDArray of(List<String> texts, int buckets, boolean bigrams, DataType dataType) {
        double[] values = new double[texts.size() * buckets];
        for (int i = 0; i < texts.size(); i++) {
            List<String> words = Tokenizer.tokens(texts.get(i));
            int row = i * buckets;
            for (int w = 0; w < words.size(); w++) {
                values[row + bucket(words.get(w), buckets)] += 1;
                if (bigrams && w + 1 < words.size()) {
                    values[row + bucket(words.get(w) + " " + words.get(w + 1), buckets)] += 1;
                }
            }
            double norm = 0;
            for (int b = 0; b < buckets; b++) {
                norm += values[row + b] * values[row + b];
            }
            if (norm > 0) {
                double scale = 1 / Math.sqrt(norm);
                for (int b = 0; b < buckets; b++) {
                    values[row + b] *= scale;
                }
            }
        }
        return Nd4j.create(values, new long[] {texts.size(), buckets}, 'c').castTo(dataType);
    }
}
