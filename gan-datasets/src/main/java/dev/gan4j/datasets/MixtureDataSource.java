package dev.gan4j.datasets;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.GaussianMixture;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.OptionalInt;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/** Points drawn once, reproducibly, from an equal-weight mixture of isotropic Gaussians; the label is the mode. */
final class MixtureDataSource implements DataSource, GaussianMixture {
    /** Points are drawn into memory: 10 million 2-D points take 120 MB, a quarter of the launcher's heap. */
    static final int MAX_POINTS = 10_000_000;
    static final int MAX_MODES = 1_000_000;
    private final String name;
    private final double[][] means;
    private final double std;
    private final float[] points;
    private final int[] modes;

    MixtureDataSource(String name, double[][] means, double std, int size, long seed) {
        if (size > MAX_POINTS || means.length > MAX_MODES) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " points of " + MAX_MODES + " modes, found " + size + " of "
                    + means.length);
        }
        this.name = requireNonNull(name, "name is null");
        this.means = means.clone();
        this.std = std;
        int dims = means[0].length;
        this.points = new float[size * dims];
        this.modes = new int[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int mode = random.nextInt(means.length);
            modes[i] = mode;
            for (int d = 0; d < dims; d++) {
                points[i * dims + d] = (float) (means[mode][d] + std * random.nextGaussian());
            }
        }
    }

    @Override
    public Shape shape() {
        return Shape.vector(means[0].length);
    }

    @Override
    public int size() {
        return modes.length;
    }

    @Override
    public OptionalInt numClasses() {
        return OptionalInt.of(means.length);
    }

    @Override
    public Batch batch(int[] indices) {
        int dims = means[0].length;
        float[] values = new float[indices.length * dims];
        float[] labels = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(points, indices[i] * dims, values, i * dims, dims);
            labels[i] = modes[indices[i]];
        }
        return new Batch(Nd4j.create(values, new long[] {indices.length, dims}, 'c'), Nd4j.create(labels));
    }

    @Override
    public String description() {
        return name + ": " + size() + " points from " + means.length + " Gaussians (std " + std + ")";
    }

    @Override
    public double[][] means() {
        double[][] copy = new double[means.length][];
        for (int i = 0; i < means.length; i++) {
            copy[i] = means[i].clone();
        }
        return copy;
    }

    @Override
    public double std() {
        return std;
    }
}
