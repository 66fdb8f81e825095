package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A batch of real examples, scaled to [-1, 1], with optional integer class labels.
 *
 * @param examples {@code [n, ...shape]}
 * @param labels   {@code [n]} class indices, or {@code null} for unlabelled data
 */
public record Batch(INDArray examples, INDArray labels) {
    public Batch {
        requireNonNull(examples, "examples is null");
        if (labels != null && labels.length() != examples.size(0)) {
            throw new IllegalArgumentException("batch has " + examples.size(0) + " examples but " + labels.length() + " labels");
        }
    }

    public int size() {
        return (int) examples.size(0);
    }
}
