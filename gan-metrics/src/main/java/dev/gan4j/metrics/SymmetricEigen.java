package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Eigendecomposition of real symmetric matrices through LAPACK {@code dsyev}, as bound by ND4J's
 * {@link Eigen#symmetricGeneralizedEigenvalues(INDArray, boolean)}. That binding always computes
 * the eigenvectors into its argument (the flag only decides whether it works on a copy), ignores
 * LAPACK's status code and reads the argument's buffer from its start; so it is always given a
 * fresh row-major copy here, and a failed decomposition is recognised by non-finite eigenvalues.
 * Symmetric routines keep the metrics free of the complex values a general eigensolver (or
 * {@code scipy.linalg.sqrtm}) produces from rounding.
 */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** Eigenvalues in ascending order; {@code vectors} holds the matching unit eigenvectors as columns. */
    record Decomposition(double[] values, INDArray vectors) {
    }

    static Decomposition decompose(INDArray symmetric) {
        requireNonNull(symmetric, "symmetric is null");
        if (!symmetric.isMatrix() || !symmetric.isSquare()) {
            throw new IllegalArgumentException(
                    "symmetric must be a square matrix, found shape " + Arrays.toString(symmetric.shape()));
        }
        INDArray work = symmetric.castTo(DataType.DOUBLE).dup('c');
        FeatureMatrix.requireFinite("symmetric", work);
        double[] values = Eigen.symmetricGeneralizedEigenvalues(work, true).toDoubleVector();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("LAPACK dsyev did not converge on a " + work.rows() + "x"
                        + work.rows() + " matrix (eigenvalue " + v + ")");
            }
        }
        return new Decomposition(values, work);
    }

    /**
     * The symmetric square root of a positive semi-definite matrix, {@code V diag(sqrt(w)) V^T};
     * eigenvalues that rounding pushed slightly below zero count as zero.
     */
    static INDArray sqrtPositiveSemiDefinite(INDArray symmetric) {
        Decomposition d = decompose(symmetric);
        double[] roots = new double[d.values().length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = Math.sqrt(Math.max(0, d.values()[i]));
        }
        INDArray v = d.vectors();
        return v.mulRowVector(Nd4j.createFromArray(roots)).mmul(v.transpose());
    }
}
