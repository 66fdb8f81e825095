package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Kernel distance of Bińkowski et al., "Demystifying MMD GANs" (ICLR 2018): the unbiased estimate
 * of the squared maximum mean discrepancy (Gretton et al., "A Kernel Two-Sample Test", JMLR 2012)
 * under the cubic polynomial kernel {@code k(x, y) = (x.y / d + 1)^3}, {@code d} the number of
 * features. Unlike FID its estimator is unbiased, so its value does not drift with the sample
 * size and small sets can be compared; it can therefore also come out negative.
 *
 * <p>As in the paper the estimate is averaged over {@code subsets} random subsets of
 * {@code subsetSize} samples from each set, drawn without replacement within a subset, with a
 * fixed seed so the value is reproducible. For one subset pair {@code X}, {@code Y} of size
 * {@code m}:
 * {@code MMD^2 = sum_{i!=j} k(x_i, x_j) / (m(m-1)) + sum_{i!=j} k(y_i, y_j) / (m(m-1))
 * - 2 sum_{i,j} k(x_i, y_j) / m^2}.
 */
public final class KernelInceptionDistance {
    public static final int DEFAULT_SUBSETS = 100;
    public static final int DEFAULT_SUBSET_SIZE = 1000;

    private final int subsets;
    private final int subsetSize;
    private final long seed;

    /**
     * The mean over subsets and the standard deviation over subsets (population form, dividing by
     * {@code subsets}); zero when there is one subset or every subset is a whole set.
     */
    public record Result(double mean, double standardDeviation, int subsets, int subsetSize, long seed) {
    }

    public KernelInceptionDistance(int subsets, int subsetSize, long seed) {
        if (subsets <= 0) {
            throw new IllegalArgumentException("subsets must be > 0, found " + subsets);
        }
        if (subsetSize < 2) {
            throw new IllegalArgumentException("subsetSize must be >= 2, found " + subsetSize);
        }
        this.subsets = subsets;
        this.subsetSize = subsetSize;
        this.seed = seed;
    }

    public Result compute(INDArray real, INDArray generated) {
        INDArray x = FeatureMatrix.toDouble("real", real);
        INDArray y = FeatureMatrix.toDouble("generated", generated);
        FeatureMatrix.requireSameFeatures(x, y);
        requireSubsetFits("real", x);
        requireSubsetFits("generated", y);
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            INDArray xs = x.getRows(sample(random, x.rows(), subsetSize));
            INDArray ys = y.getRows(sample(random, y.rows(), subsetSize));
            estimates[s] = unbiasedMmdSquared(xs, ys);
        }
        double mean = 0;
        for (double e : estimates) {
            mean += e;
        }
        mean /= subsets;
        double squares = 0;
        for (double e : estimates) {
            squares += (e - mean) * (e - mean);
        }
        return new Result(mean, Math.sqrt(squares / subsets), subsets, subsetSize, seed);
    }

    private void requireSubsetFits(String name, INDArray features) {
        if (subsetSize > features.rows()) {
            throw new IllegalArgumentException("subsetSize must be <= the number of " + name + " samples, found subsetSize "
                    + subsetSize + " and " + features.rows() + " " + name + " samples");
        }
    }

    /** {@code m} distinct indices below {@code n}: the first steps of a Fisher-Yates shuffle. */
    private static int[] sample(SplittableRandom random, int n, int m) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] chosen = new int[m];
        System.arraycopy(pool, 0, chosen, 0, m);
        return chosen;
    }

    static double unbiasedMmdSquared(INDArray x, INDArray y) {
        long m = x.rows();
        double withinX = kernelSum(x, x, true);
        double withinY = kernelSum(y, y, true);
        double across = kernelSum(x, y, false);
        return (withinX + withinY) / (m * (m - 1)) - 2 * across / (m * m);
    }

    private static double kernelSum(INDArray a, INDArray b, boolean skipDiagonal) {
        double d = a.columns();
        int cols = b.rows();
        double[] dots = FeatureMatrix.rowMajorValues(Nd4j.gemm(a, b, false, true));
        double sum = 0;
        for (int i = 0; i < a.rows(); i++) {
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                if (skipDiagonal && i == j) {
                    continue;
                }
                double k = dots[offset + j] / d + 1;
                sum += k * k * k;
            }
        }
        return sum;
    }
}
