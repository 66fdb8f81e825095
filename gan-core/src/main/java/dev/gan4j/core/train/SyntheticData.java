package dev.gan4j.core.train;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Stand-in examples of a given shape, uniform in [-1, 1], with random valid tag sets when a schema of tags is given
 * ({@link ConditionSchema#randomTagSet}) and no conditions otherwise: what {@code gan bench} trains on when an
 * experiment's data spec declares its shape (and, for a tag-conditioned experiment, its tags), so a model's speed can be
 * measured where the data is absent. The networks do the same arithmetic on noise as on pictures; nothing learned from
 * it means anything.
 */
public final class SyntheticData implements DataSource {
    private final Shape shape;
    private final int size;
    private final long seed;
    private final ConditionSchema schema;

    public SyntheticData(Shape shape, int size, long seed) {
        this(shape, size, seed, ConditionSchema.NONE);
    }

    /** @param schema the conditions to draw: tags when it has tags, none otherwise */
    public SyntheticData(Shape shape, int size, long seed, ConditionSchema schema) {
        this.schema = requireNonNull(schema, "schema is null");
        if (!schema.classes().isEmpty() || schema.texts()) {
            throw new IllegalArgumentException("synthetic data draws tags only, but the schema has "
                    + (schema.texts() ? "texts" : "classes"));
        }
        this.shape = requireNonNull(shape, "shape is null");
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0, found " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public OptionalInt numClasses() {
        return OptionalInt.empty();
    }

    @Override
    public ConditionSchema conditionSchema() {
        return schema;
    }

    /** Example {@code i} is the same at every call: its values come from a generator seeded by the seed and i. */
    @Override
    public Batch batch(int[] indices) {
        int length = (int) shape.size();
        List<String> vocabulary = schema.tags();
        float[] values = new float[indices.length * length];
        float[] tags = new float[indices.length * vocabulary.size()];
        for (int k = 0; k < indices.length; k++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.BATCH_DRAW, indices[k]));
            for (int j = 0; j < length; j++) {
                values[k * length + j] = (float) (random.nextDouble() * 2 - 1);
            }
            for (String tag : vocabulary.isEmpty() ? List.<String>of() : schema.randomTagSet(random)) {
                tags[k * vocabulary.size() + vocabulary.indexOf(tag)] = 1;
            }
        }
        INDArray examples = Nd4j.create(values, shape.withBatch(indices.length), 'c');
        return new Batch(examples, null, vocabulary.isEmpty() ? null
                : Nd4j.create(tags, new long[] {indices.length, vocabulary.size()}, 'c'), null);
    }

    @Override
    public String description() {
        return "synthetic noise of shape " + shape + " (" + size + " examples"
                + (schema.tags().isEmpty() ? "" : ", random valid sets of " + schema.tags().size() + " tags") + ")";
    }
}
