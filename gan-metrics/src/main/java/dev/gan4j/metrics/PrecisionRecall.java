package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Improved precision and recall of Kynkäänniemi et al., "Improved Precision and Recall Metric for
 * Assessing Generative Models" (NeurIPS 2019). Each set is approximated by the union of balls
 * around its samples, each with the distance to the sample's {@code k}-th nearest neighbour in its
 * own set as radius. Precision, the share of generated samples inside the real manifold, measures
 * fidelity; recall, the share of real samples inside the generated manifold, measures diversity,
 * so a mode-collapsed generator keeps its precision and loses recall. Balls are closed (a sample
 * on the boundary is inside), as in the authors' implementation.
 */
public final class PrecisionRecall {
    /** The paper's choice, a compromise between holes in the manifold and outliers inflating it. */
    public static final int DEFAULT_K = 3;

    private final int k;
    private final PairwiseDistances distances;

    public record Result(double precision, double recall, int k, long realCount, long generatedCount) {
    }

    public PrecisionRecall() {
        this(DEFAULT_K);
    }

    public PrecisionRecall(int k) {
        this(k, PairwiseDistances.DEFAULT);
    }

    PrecisionRecall(int k, PairwiseDistances distances) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, found " + k);
        }
        this.k = k;
        this.distances = requireNonNull(distances, "distances is null");
    }

    /** Both sets need more than {@code k} samples. */
    public Result compute(INDArray real, INDArray generated) {
        return compute(ReferenceSet.of(real, distances), generated);
    }

    /** As {@link #compute(INDArray, INDArray)}, reusing the real set's radii across calls. */
    public Result compute(ReferenceSet real, INDArray generated) {
        INDArray x = real.features();
        INDArray y = FeatureMatrix.toDouble("generated", generated);
        FeatureMatrix.requireSameFeatures(x, y);
        double[] realRadii = real.squaredRadii(k);
        FeatureMatrix.requireRows("generated", y, k + 1, "for k = " + k);
        double[] generatedRadii = distances.kthNeighbourSquared(y, k);
        double precision = shareInside(y, x, realRadii);
        double recall = shareInside(x, y, generatedRadii);
        return new Result(precision, recall, k, x.rows(), y.rows());
    }

    /** Share of {@code points} inside at least one ball around the {@code centres}. */
    private double shareInside(INDArray points, INDArray centres, double[] squaredRadii) {
        int n = centres.rows();
        boolean[] inside = new boolean[points.rows()];
        distances.forEachBlock(points, centres, (first, rows, squared) -> {
            for (int r = 0; r < rows; r++) {
                int offset = r * n;
                for (int i = 0; i < n; i++) {
                    if (squared[offset + i] <= squaredRadii[i]) {
                        inside[first + r] = true;
                        break;
                    }
                }
            }
        });
        int count = 0;
        for (boolean b : inside) {
            if (b) {
                count++;
            }
        }
        return (double) count / inside.length;
    }
}
