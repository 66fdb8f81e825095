package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Labelled 8x8 images in three classes a judge can learn in seconds: a bright horizontal stripe
 * (class 0), a vertical stripe (class 1) or a diagonal (class 2) at a random place, over noise.
 */
public final class StripesData implements DataSource {
    private final int size;
    private final long seed;

    public StripesData(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    public static float[] image(int index, long seed, int label) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        float[] pixels = new float[64];
        for (int i = 0; i < 64; i++) {
            pixels[i] = (float) (-0.8 + 0.2 * random.nextDouble());
        }
        int offset = random.nextInt(8);
        for (int i = 0; i < 8; i++) {
            int p = switch (label) {
                case 0 -> offset * 8 + i;
                case 1 -> i * 8 + offset;
                default -> i * 8 + i;
            };
            pixels[p] = 0.9f;
        }
        return pixels;
    }

    public static int label(int index) {
        return index % 3;
    }

    @Override
    public Shape shape() {
        return Shape.image(1, 8, 8);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public OptionalInt numClasses() {
        return OptionalInt.of(3);
    }

    @Override
    public Batch batch(int[] indices) {
        float[] values = new float[indices.length * 64];
        float[] labels = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(image(indices[i], seed, label(indices[i])), 0, values, i * 64, 64);
            labels[i] = label(indices[i]);
        }
        return new Batch(Nd4j.create(values, new long[] {indices.length, 1, 8, 8}, 'c'), Nd4j.create(labels));
    }

    @Override
    public String description() {
        return size + " stripe images (seed " + seed + ")";
    }
}
