package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/** Checks and conversions shared by the metrics: feature matrices are {@code [samples, features]}. */
final class FeatureMatrix {
    private FeatureMatrix() {
    }

    /**
     * The matrix as a row-major DOUBLE array without view offsets, so later products and buffer
     * reads see exactly its values; the caller's array is never modified.
     */
    static INDArray toDouble(String name, INDArray features) {
        requireNonNull(features, name + " is null");
        if (features.rank() != 2) {
            throw new IllegalArgumentException(
                    name + " must be a matrix [samples, features], found shape " + Arrays.toString(features.shape()));
        }
        if (features.rows() == 0 || features.columns() == 0) {
            throw new IllegalArgumentException(
                    name + " must have samples and features, found shape " + Arrays.toString(features.shape()));
        }
        INDArray d = features.dataType() == DataType.DOUBLE ? features : features.castTo(DataType.DOUBLE);
        if (d.isView() || d.ordering() != 'c') {
            d = d.dup('c');
        }
        requireFinite(name, d);
        return d;
    }

    static void requireFinite(String name, INDArray values) {
        if (values.isNaN().any() || values.isInfinite().any()) {
            throw new IllegalArgumentException(name + " contains NaN or infinite values");
        }
    }

    static void requireSameFeatures(INDArray real, INDArray generated) {
        if (real.columns() != generated.columns()) {
            throw new IllegalArgumentException("real and generated must have the same number of features, found "
                    + real.columns() + " and " + generated.columns());
        }
    }

    static void requireRows(String name, INDArray features, long minimum, String why) {
        if (features.rows() < minimum) {
            throw new IllegalArgumentException(
                    name + " needs at least " + minimum + " samples " + why + ", found " + features.rows());
        }
    }

    /** Row-major values of a product just computed, read without copying twice where possible. */
    static double[] rowMajorValues(INDArray matrix) {
        INDArray c = matrix.isView() || matrix.ordering() != 'c' ? matrix.dup('c') : matrix;
        return c.data().asDouble();
    }
}
