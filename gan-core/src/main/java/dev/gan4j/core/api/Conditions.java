package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * What should steer the generation of each example of a batch: class labels, tag sets or texts, whichever
 * the data offers; the rest are {@code null}. Encoders turn them into condition vectors.
 *
 * @param labels {@code [n]} class indices
 * @param tags   {@code [n, vocabulary]} multi-hot tag sets
 * @param texts  one text per example
 */
public record Conditions(INDArray labels, INDArray tags, List<String> texts) {
    public Conditions {
        texts = texts == null ? null : List.copyOf(texts);
        long n = -1;
        for (long size : new long[] {labels == null ? -1 : labels.length(), tags == null ? -1 : tags.size(0),
                texts == null ? -1 : texts.size()}) {
            if (size >= 0 && n >= 0 && size != n) {
                throw new IllegalArgumentException("conditions of different batch sizes: labels "
                        + (labels == null ? "-" : labels.length()) + ", tags " + (tags == null ? "-" : tags.size(0))
                        + ", texts " + (texts == null ? "-" : texts.size()));
            }
            n = Math.max(n, size);
        }
    }

    public static Conditions ofLabels(int... labels) {
        return new Conditions(Nd4j.createFromArray(labels), null, null);
    }

    /** Number of examples, or -1 when there are no conditions. */
    public long size() {
        if (labels != null) {
            return labels.length();
        }
        if (tags != null) {
            return tags.size(0);
        }
        return texts == null ? -1 : texts.size();
    }

    /** Class indices as ints; fails when there are no labels. */
    public int[] labelIndices() {
        if (labels == null) {
            throw new IllegalStateException("these conditions carry no class labels");
        }
        return labels.reshape(labels.length()).toIntVector();
    }
}
