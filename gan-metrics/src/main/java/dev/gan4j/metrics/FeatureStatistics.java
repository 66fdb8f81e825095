package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * Sample count, mean and unbiased covariance of a feature set: everything the Fréchet distance
 * needs, so the statistics of a fixed reference set can be computed once and reused.
 */
public final class FeatureStatistics {
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    private final long count;
    private final INDArray mean;
    private final INDArray covariance;

    private FeatureStatistics(long count, INDArray mean, INDArray covariance) {
        this.count = count;
        this.mean = mean;
        this.covariance = covariance;
    }

    /**
     * Statistics of the rows of {@code features} ({@code [samples, features]}, any floating type),
     * with the covariance normalised by {@code n - 1} like the reference FID implementations.
     */
    public static FeatureStatistics of(INDArray features) {
        INDArray x = FeatureMatrix.toDouble("features", features);
        FeatureMatrix.requireRows("features", x, 2, "for a covariance");
        INDArray mean = x.mean(0);
        INDArray centred = x.subRowVector(mean);
        INDArray covariance = Nd4j.gemm(centred, centred, true, false).divi(x.rows() - 1);
        return new FeatureStatistics(x.rows(), mean.reshape(x.columns()), symmetrised(covariance));
    }

    /** Statistics given directly, e.g. published reference statistics or a known Gaussian. */
    public static FeatureStatistics of(long count, double[] mean, double[][] covariance) {
        requireNonNull(mean, "mean is null");
        requireNonNull(covariance, "covariance is null");
        if (count < 2) {
            throw new IllegalArgumentException("count must be >= 2, found " + count);
        }
        if (mean.length == 0) {
            throw new IllegalArgumentException("mean must not be empty");
        }
        if (covariance.length != mean.length) {
            throw new IllegalArgumentException("covariance must be " + mean.length + "x" + mean.length
                    + " to match mean, found " + covariance.length + " rows");
        }
        for (int i = 0; i < covariance.length; i++) {
            requireNonNull(covariance[i], "covariance[" + i + "] is null");
            if (covariance[i].length != mean.length) {
                throw new IllegalArgumentException("covariance must be " + mean.length + "x" + mean.length
                        + " to match mean, found row " + i + " of length " + covariance[i].length);
            }
        }
        INDArray m = Nd4j.createFromArray(mean.clone());
        INDArray c = Nd4j.createFromArray(covariance).castTo(DataType.DOUBLE);
        FeatureMatrix.requireFinite("mean", m);
        FeatureMatrix.requireFinite("covariance", c);
        double asymmetry = c.sub(c.transpose()).amaxNumber().doubleValue();
        double scale = Math.max(1, c.amaxNumber().doubleValue());
        if (asymmetry > SYMMETRY_TOLERANCE * scale) {
            throw new IllegalArgumentException("covariance must be symmetric, found entries differing by " + asymmetry);
        }
        return new FeatureStatistics(count, m, symmetrised(c));
    }

    private static INDArray symmetrised(INDArray c) {
        return c.add(c.transpose()).muli(0.5);
    }

    public long count() {
        return count;
    }

    public int features() {
        return (int) mean.length();
    }

    public double[] mean() {
        return mean.toDoubleVector();
    }

    /** A copy of the {@code [features, features]} covariance (DOUBLE). */
    public INDArray covariance() {
        return covariance.dup();
    }

    INDArray meanVector() {
        return mean;
    }

    INDArray covarianceMatrix() {
        return covariance;
    }
}
