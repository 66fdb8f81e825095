package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The class histogram of generated samples, as labelled by a judge classifier, compared with the
 * class distribution of the real data. Mode collapse shows as classes that go missing from the
 * generated histogram: {@code minShare} reports the rarest class directly, and the divergence
 * measures how far the whole histogram is off.
 *
 * <p>The divergence is {@code KL(generated || reference) = sum_c p_c log(p_c / q_c)}. In this
 * direction a class the generator drops ({@code p_c = 0}) adds nothing itself but pushes its mass
 * onto the classes that remain, so the value grows smoothly with the collapse, up to
 * {@code log(1 / q_c)} when everything falls into class {@code c} ({@code log C} against a uniform
 * reference). The reverse direction would be infinite as soon as one class is missing, and with
 * the usual epsilon its value would be set by the epsilon rather than by the generator. Here
 * {@link #EPSILON} only stands in for reference shares of zero, i.e. a generator producing a class
 * the real data lacks.
 */
public final class ClassHistogram {
    /** Replaces reference shares below it in the logarithm. */
    public static final double EPSILON = 1e-12;

    private ClassHistogram() {
    }

    /**
     * @param shares the generated class shares, summing to 1
     * @param klDivergence {@code KL(generated || reference)} in nats
     * @param minShare the smallest generated class share, 0 when a class is missing
     * @param minClass the class with that share (the lowest index among ties)
     */
    public record Result(double[] shares, double klDivergence, double minShare, int minClass, long sampleCount) {
        public Result {
            shares = shares.clone();
        }

        @Override
        public double[] shares() {
            return shares.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(shares, r.shares)
                    && Double.compare(klDivergence, r.klDivergence) == 0 && Double.compare(minShare, r.minShare) == 0
                    && minClass == r.minClass && sampleCount == r.sampleCount;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shares) + Double.hashCode(klDivergence);
        }

        @Override
        public String toString() {
            return "Result[shares=" + Arrays.toString(shares) + ", klDivergence=" + klDivergence + ", minShare="
                    + minShare + ", minClass=" + minClass + ", sampleCount=" + sampleCount + "]";
        }
    }

    /** Against a uniform reference, e.g. for class-balanced data sets such as MNIST or CIFAR-10. */
    public static Result compute(int[] predicted, int numClasses) {
        ClassLabels.requireClasses(numClasses);
        double[] uniform = new double[numClasses];
        Arrays.fill(uniform, 1.0 / numClasses);
        return compute(predicted, numClasses, uniform);
    }

    /**
     * @param predicted the judge's class for each generated sample
     * @param reference the real class distribution, as shares or counts (normalised here)
     */
    public static Result compute(int[] predicted, int numClasses, double[] reference) {
        ClassLabels.requireClasses(numClasses);
        ClassLabels.checked("predicted", predicted, numClasses);
        double[] q = normalisedReference(reference, numClasses);
        double[] shares = new double[numClasses];
        for (int c : predicted) {
            shares[c]++;
        }
        double kl = 0;
        int minClass = 0;
        for (int c = 0; c < numClasses; c++) {
            shares[c] /= predicted.length;
            if (shares[c] > 0) {
                kl += shares[c] * Math.log(shares[c] / Math.max(q[c], EPSILON));
            }
            if (shares[c] < shares[minClass]) {
                minClass = c;
            }
        }
        return new Result(shares, kl, shares[minClass], minClass, predicted.length);
    }

    /** As {@link #compute(int[], int, double[])}, with the classes as a vector of whole numbers. */
    public static Result compute(INDArray predicted, int numClasses, double[] reference) {
        ClassLabels.requireClasses(numClasses);
        return compute(ClassLabels.fromVector("predicted", predicted, numClasses), numClasses, reference);
    }

    private static double[] normalisedReference(double[] reference, int numClasses) {
        requireNonNull(reference, "reference is null");
        if (reference.length != numClasses) {
            throw new IllegalArgumentException(
                    "reference must have numClasses = " + numClasses + " entries, found " + reference.length);
        }
        double total = 0;
        for (int c = 0; c < numClasses; c++) {
            if (!(reference[c] >= 0) || Double.isInfinite(reference[c])) {
                throw new IllegalArgumentException(
                        "reference shares must be finite and >= 0, found " + reference[c] + " for class " + c);
            }
            total += reference[c];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("reference must have a positive total, found " + total);
        }
        double[] q = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            q[c] = reference[c] / total;
        }
        return q;
    }
}
