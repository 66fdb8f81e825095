package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A batch of real examples, scaled to [-1, 1], with what the data says about each: class labels,
 * tag sets, texts, or none of them.
 *
 * @param examples {@code [n, ...shape]}
 * @param labels   {@code [n]} class indices, or {@code null}
 * @param tags     {@code [n, vocabulary]} multi-hot tag sets, or {@code null}
 * @param texts    one text per example, or {@code null}
 */
public record Batch(INDArray examples, INDArray labels, INDArray tags, List<String> texts) {
    public Batch {
        requireNonNull(examples, "examples is null");
        if (labels != null && labels.length() != examples.size(0)) {
            throw new IllegalArgumentException("batch has " + examples.size(0) + " examples but " + labels.length() + " labels");
        }
        if (tags != null && tags.size(0) != examples.size(0)) {
            throw new IllegalArgumentException("batch has " + examples.size(0) + " examples but " + tags.size(0) + " tag sets");
        }
        if (texts != null && texts.size() != examples.size(0)) {
            throw new IllegalArgumentException("batch has " + examples.size(0) + " examples but " + texts.size() + " texts");
        }
        texts = texts == null ? null : List.copyOf(texts);
    }

    public Batch(INDArray examples, INDArray labels) {
        this(examples, labels, null, null);
    }

    public int size() {
        return (int) examples.size(0);
    }

    public Conditions conditions() {
        return new Conditions(labels, tags, texts);
    }

    /** The same batch with other examples (a cast, noise added). */
    public Batch withExamples(INDArray replaced) {
        return new Batch(replaced, labels, tags, texts);
    }
}
