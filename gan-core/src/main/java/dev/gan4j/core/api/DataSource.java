package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A finite, indexable set of real examples. Random access lets the engine draw batches from
 * (seed, step) alone, so a resumed run reads exactly the batches an uninterrupted one would.
 */
public interface DataSource {
    /** Shape of one example. */
    Shape shape();

    /** Number of examples. */
    int size();

    /** Number of classes when examples carry labels. */
    OptionalInt numClasses();

    /** What the examples carry to condition on; by default classes numbered like {@link #numClasses}. */
    default ConditionSchema conditionSchema() {
        return numClasses().isPresent() ? ConditionSchema.numberedClasses(numClasses().getAsInt()) : ConditionSchema.NONE;
    }

    /**
     * Every text the examples carry (several per example where the data has several captions), for encoders that
     * build a vocabulary from the data; empty when the examples carry none. The default reads the batches; sources
     * that can skip the examples override it.
     */
    default List<String> texts() {
        if (!conditionSchema().texts()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(size());
        for (int start = 0; start < size(); start += 1024) {
            all.addAll(range(start, Math.min(size(), start + 1024)).texts());
        }
        return all;
    }

    /** The examples at {@code indices}, scaled to [-1, 1], with their labels when the data has them. */
    Batch batch(int[] indices);

    /**
     * The examples at {@code indices} for one training step, where {@code draw} seeds whatever the source chooses at
     * random per step (which of an example's captions it shows). The engine derives {@code draw} from the run's seed
     * and the step, so a resumed run sees exactly the batches an uninterrupted one would. By default the draw is
     * ignored.
     */
    default Batch batch(int[] indices, long draw) {
        return batch(indices);
    }

    /**
     * Like {@link #batch(int[], long)}, with the examples written into {@code into} ({@code [n, ...shape]}, FLOAT, a
     * fresh contiguous array), which the caller reuses from batch to batch: fresh off-heap memory costs far more than
     * filling it (about 10 ms for the 3 MB of 64 RGB pictures of 64x64 on the 2-core machines measured), so sources of
     * large examples override this to write straight into it. The default copies {@link #batch(int[], long)}'s
     * examples.
     */
    default Batch batch(int[] indices, long draw, INDArray into) {
        Batch batch = batch(indices, draw);
        into.assign(batch.examples());
        return batch.withExamples(into);
    }

    /**
     * A digest of what the source serves (pixels, conditions, order), when it knows one without reading every example
     * again; checkpoints record it, and a resume on data whose digest changed is refused even if its size did not.
     * Empty by default: the size alone is then compared.
     */
    default Optional<String> fingerprint() {
        return Optional.empty();
    }

    /** The examples {@code start} (inclusive) to {@code end} (exclusive), in order. */
    default Batch range(int start, int end) {
        return batch(IntStream.range(start, end).toArray());
    }

    /** Human-readable description for logs and checkpoints, e.g. the files read. */
    String description();
}
