package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Density and coverage of Naeem et al., "Reliable Fidelity and Diversity Metrics for Generative
 * Models" (ICML 2020), which repair precision and recall's sensitivity to outliers by building
 * balls around real samples only ({@code k}-th nearest real neighbour as radius).
 *
 * <p>Density {@code = 1/(kM) sum_j |{i : Y_j in B(X_i)}|} over the {@code M} generated samples
 * counts how many real balls hold each generated sample; it is about 1 when both sets come from
 * the same distribution and exceeds 1 when samples crowd around dense real regions. Coverage is
 * the share of real samples whose own ball holds at least one generated sample. Balls are open
 * (strict {@code <}), as in the authors' implementation; with that choice a set compared to
 * itself has a density of exactly 1 barring ties, since each real ball then holds its own centre
 * and its {@code k - 1} nearer neighbours.
 */
public final class DensityCoverage {
    /** The paper's recommended neighbourhood size. */
    public static final int DEFAULT_K = 5;

    private final int k;
    private final PairwiseDistances distances;

    public record Result(double density, double coverage, int k, long realCount, long generatedCount) {
    }

    public DensityCoverage() {
        this(DEFAULT_K);
    }

    public DensityCoverage(int k) {
        this(k, PairwiseDistances.DEFAULT);
    }

    DensityCoverage(int k, PairwiseDistances distances) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, found " + k);
        }
        this.k = k;
        this.distances = requireNonNull(distances, "distances is null");
    }

    /** The real set needs more than {@code k} samples. */
    public Result compute(INDArray real, INDArray generated) {
        return compute(ReferenceSet.of(real, distances), generated);
    }

    /** As {@link #compute(INDArray, INDArray)}, reusing the real set's radii across calls. */
    public Result compute(ReferenceSet real, INDArray generated) {
        INDArray x = real.features();
        INDArray y = FeatureMatrix.toDouble("generated", generated);
        FeatureMatrix.requireSameFeatures(x, y);
        double[] radii = real.squaredRadii(k);
        int n = x.rows();
        long[] containing = new long[1];
        distances.forEachBlock(y, x, (first, rows, squared) -> {
            long count = 0;
            for (int r = 0; r < rows; r++) {
                int offset = r * n;
                for (int i = 0; i < n; i++) {
                    if (squared[offset + i] < radii[i]) {
                        count++;
                    }
                }
            }
            containing[0] += count;
        });
        double density = containing[0] / ((double) k * y.rows());
        double[] nearestGenerated = distances.nearestSquared(x, y);
        int covered = 0;
        for (int i = 0; i < n; i++) {
            if (nearestGenerated[i] < radii[i]) {
                covered++;
            }
        }
        return new Result(density, (double) covered / n, k, n, y.rows());
    }
}
