package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Mode coverage on a known Gaussian mixture, as in the 2-D benchmarks of PacGAN (Lin et al. 2018)
 * and VEEGAN (Srivastava et al. 2017): a sample is high quality when it lies within three standard deviations of its nearest
 * mean; a mode is captured when at least one high-quality sample falls to it; the spread is the KL
 * divergence of the captured-sample histogram to the uniform distribution over modes.
 */
public final class ModeCoverage {
    private ModeCoverage() {
    }

    /**
     * @param modesCaptured     modes with at least one high-quality sample
     * @param highQualityShare  share of samples within 3 std of their nearest mean
     * @param klToUniform       KL(histogram of high-quality samples over modes || uniform); log(modes) when all
     *                          fall on one mode, 0 when spread evenly; NaN without any high-quality sample
     */
    public record Result(int modesCaptured, int modes, double highQualityShare, double klToUniform, long sampleCount) {
    }

    public static Result compute(INDArray samples, double[][] means, double std) {
        requireNonNull(samples, "samples is null");
        requireNonNull(means, "means is null");
        if (means.length == 0 || !(std > 0)) {
            throw new IllegalArgumentException("need at least one mean and std > 0, found " + means.length + " means, std " + std);
        }
        int dims = means[0].length;
        for (double[] mean : means) {
            if (mean.length != dims) {
                throw new IllegalArgumentException("every mean needs " + dims + " coordinates, as the first has; found " + mean.length);
            }
        }
        if (samples.size(0) == 0) {
            throw new IllegalArgumentException("mode coverage needs at least one sample");
        }
        if (samples.rank() != 2 || samples.size(1) != dims) {
            throw new IllegalArgumentException("samples must be [n, " + dims + "], found " + java.util.Arrays.toString(samples.shape()));
        }
        double[][] points = samples.castTo(DataType.DOUBLE).toDoubleMatrix();
        long[] counts = new long[means.length];
        long highQuality = 0;
        double limit = 9 * std * std;
        for (double[] point : points) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < means.length; m++) {
                double squared = 0;
                for (int d = 0; d < dims; d++) {
                    double diff = point[d] - means[m][d];
                    squared += diff * diff;
                }
                if (squared < best) {
                    best = squared;
                    nearest = m;
                }
            }
            if (best <= limit) {
                counts[nearest]++;
                highQuality++;
            }
        }
        int captured = 0;
        double kl = 0;
        for (long count : counts) {
            if (count > 0) {
                captured++;
                double p = count / (double) highQuality;
                kl += p * Math.log(p * means.length);
            }
        }
        return new Result(captured, means.length, highQuality / (double) points.length, highQuality == 0 ? Double.NaN : kl,
                points.length);
    }
}
