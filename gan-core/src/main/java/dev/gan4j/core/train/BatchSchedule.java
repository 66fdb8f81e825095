package dev.gan4j.core.train;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Which examples form the batch of each step: each epoch is a fresh permutation drawn from (seed,
 * epoch), the last partial batch is dropped; what the source draws per batch (a caption among several) is seeded
 * from (seed, step). Stateless in the step, so resuming needs no saved state.
 */
public final class BatchSchedule {
    private final DataSource data;
    private final int batchSize;
    private final long seed;
    private final int batchesPerEpoch;
    private long cachedEpoch = -1;
    private int[] permutation;
    private INDArray reused;

    public BatchSchedule(DataSource data, int batchSize, long seed) {
        this.data = requireNonNull(data, "data is null");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, found " + batchSize);
        }
        if (data.size() < batchSize) {
            throw new IllegalArgumentException("data.batchSize: " + batchSize + " is larger than the data set ("
                    + data.size() + " examples in " + data.description() + ")");
        }
        this.batchSize = batchSize;
        this.seed = seed;
        this.batchesPerEpoch = data.size() / batchSize;
    }

    /** The batch of {@code step}, in arrays of its own. */
    public Batch batch(long step) {
        return data.batch(indices(step), Seeds.derive(seed, Seeds.BATCH_DRAW, step));
    }

    /**
     * The batch of {@code step}, its examples written into an array this schedule keeps and overwrites at the next
     * call: what the training loop uses, which is done with a batch when it asks for the next, and so allocates no
     * examples per step ({@link DataSource#batch(int[], long, INDArray)}).
     */
    public Batch reusingBatch(long step) {
        int[] indices = indices(step);
        if (reused == null) {
            reused = Nd4j.createUninitialized(DataType.FLOAT, data.shape().withBatch(batchSize));
        }
        return data.batch(indices, Seeds.derive(seed, Seeds.BATCH_DRAW, step), reused);
    }

    private int[] indices(long step) {
        long epoch = step / batchesPerEpoch;
        int position = (int) (step % batchesPerEpoch);
        if (epoch != cachedEpoch) {
            permutation = permutation(data.size(), Seeds.derive(seed, Seeds.DATA, epoch));
            cachedEpoch = epoch;
        }
        int[] indices = new int[batchSize];
        System.arraycopy(permutation, position * batchSize, indices, 0, batchSize);
        return indices;
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
