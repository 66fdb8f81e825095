package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The real side of the feature-space metrics, computed once. During training the evaluator measures the
 * generator again and again against the same held-out features; their Fréchet statistics and the k-th
 * nearest-neighbour radii of precision/recall and density/coverage (the part quadratic in the real set's
 * size) depend on those features alone, so they are kept here instead of being recomputed per evaluation.
 */
public final class ReferenceSet {
    private final INDArray features;
    private final PairwiseDistances distances;
    private final Map<Integer, double[]> squaredRadii = new HashMap<>();
    private FeatureStatistics statistics;

    private ReferenceSet(INDArray features, PairwiseDistances distances) {
        // A copy: the cached statistics and radii must not go stale if the caller changes its array.
        this.features = FeatureMatrix.toDouble("real", features).dup('c');
        this.distances = requireNonNull(distances, "distances is null");
    }

    /** A reference of the rows of {@code features} ({@code [samples, features]}, any floating type). */
    public static ReferenceSet of(INDArray features) {
        return new ReferenceSet(features, PairwiseDistances.DEFAULT);
    }

    static ReferenceSet of(INDArray features, PairwiseDistances distances) {
        return new ReferenceSet(features, distances);
    }

    /** The features in double precision; read them, do not change them. */
    public INDArray features() {
        return features;
    }

    public long size() {
        return features.rows();
    }

    /** Mean and covariance, for the Fréchet distance. */
    public synchronized FeatureStatistics statistics() {
        if (statistics == null) {
            statistics = FeatureStatistics.of(features);
        }
        return statistics;
    }

    /** Squared distance of each sample to its {@code k}-th nearest neighbour in this set; needs more than k samples. */
    synchronized double[] squaredRadii(int k) {
        FeatureMatrix.requireRows("real", features, k + 1, "for k = " + k);
        return squaredRadii.computeIfAbsent(k, key -> distances.kthNeighbourSquared(features, key));
    }
}
