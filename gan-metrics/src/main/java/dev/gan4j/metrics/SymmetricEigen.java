package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Eigendecomposition of real symmetric matrices through LAPACK {@code dsyev}, called through ND4J's
 * {@link org.nd4j.linalg.factory.BlasWrapper#syev} rather than {@code Eigen.symmetricGeneralizedEigenvalues},
 * which drops LAPACK's status: on failure the eigenvalues would stay the zeros they were allocated as. The
 * binding computes the eigenvectors into its argument and reads the argument's buffer from its start, so it
 * is given a fresh row-major copy. Symmetric routines keep the metrics free of the complex values a general eigensolver (or
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
        INDArray values = Nd4j.create(DataType.DOUBLE, work.rows());
        int status = Nd4j.getBlasWrapper().syev('V', 'L', work, values);
        if (status != 0) {
            throw new ArithmeticException("LAPACK dsyev failed on a " + work.rows() + "x" + work.rows() + " matrix (status "
                    + status + (status > 0 ? ": no convergence)" : ": illegal argument)"));
        }
        return new Decomposition(values.toDoubleVector(), work);
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
