package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Fréchet distance between Gaussians fitted to two feature sets: with Inception features this is
 * the FID of Heusel et al., "GANs Trained by a Two Time-Scale Update Rule Converge to a Local Nash
 * Equilibrium" (NeurIPS 2017); the formula for Gaussians is Dowson and Landau (1982). It works in
 * any feature space, e.g. the features of a judge network trained on the data set at hand.
 *
 * <p>{@code d^2 = |mu1 - mu2|^2 + Tr(C1 + C2 - 2 (C1 C2)^(1/2))}. The product {@code C1 C2} is not
 * symmetric, and a general matrix square root of it picks up imaginary rounding noise; instead
 * {@code S = C1^(1/2)} is taken from the eigendecomposition of {@code C1}, and since {@code S C2 S}
 * is symmetric positive semi-definite with the eigenvalues of {@code C1 C2}, the trace term is the
 * sum of the square roots of its eigenvalues. Both steps use only symmetric eigendecompositions,
 * and eigenvalues that rounding makes slightly negative are taken as zero. The result is not
 * clipped, so a distance of a set to itself may come out as a tiny negative number.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** The distance and the number of samples behind each side. */
    public record Result(double value, long realCount, long generatedCount) {
    }

    /** Distance between the Gaussians fitted to two {@code [samples, features]} matrices. */
    public static Result compute(INDArray real, INDArray generated) {
        requireNonNull(real, "real is null");
        requireNonNull(generated, "generated is null");
        return compute(FeatureStatistics.of(real), FeatureStatistics.of(generated));
    }

    /** Distance between precomputed statistics, e.g. cached statistics of the real data. */
    public static Result compute(FeatureStatistics real, FeatureStatistics generated) {
        requireNonNull(real, "real is null");
        requireNonNull(generated, "generated is null");
        if (real.features() != generated.features()) {
            throw new IllegalArgumentException("real and generated must have the same number of features, found "
                    + real.features() + " and " + generated.features());
        }
        INDArray delta = real.meanVector().sub(generated.meanVector());
        double meanTerm = delta.mul(delta).sumNumber().doubleValue();
        INDArray c1 = real.covarianceMatrix();
        INDArray c2 = generated.covarianceMatrix();
        double traceTerm = trace(c1) + trace(c2) - 2 * traceSqrtProduct(c1, c2);
        return new Result(meanTerm + traceTerm, real.count(), generated.count());
    }

    private static double trace(INDArray matrix) {
        double sum = 0;
        for (int i = 0; i < matrix.rows(); i++) {
            sum += matrix.getDouble(i, i);
        }
        return sum;
    }

    /** {@code Tr((C1 C2)^(1/2))} for positive semi-definite {@code C1}, {@code C2}. */
    static double traceSqrtProduct(INDArray c1, INDArray c2) {
        INDArray s = SymmetricEigen.sqrtPositiveSemiDefinite(c1);
        INDArray m = s.mmul(c2).mmul(s);
        m = m.add(m.transpose()).muli(0.5);
        double sum = 0;
        for (double lambda : SymmetricEigen.decompose(m).values()) {
            sum += Math.sqrt(Math.max(0, lambda));
        }
        return sum;
    }
}
