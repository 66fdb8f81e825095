package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * How well a conditional generator obeys its condition: the share of samples generated for
 * condition {@code c} that a judge classifier assigns to {@code c} (the "classification accuracy"
 * of class-conditional GAN evaluations, e.g. Odena et al., "Conditional Image Synthesis with
 * Auxiliary Classifier GANs", ICML 2017). A generator that ignores its condition scores the
 * judge's chance level; the per-class values show which conditions it fails on.
 *
 * <p>For tag (multi-label) conditions the judge gives one probability per tag; a tag counts as
 * present when its probability is above {@link #THRESHOLD}, so an undecided judge (exactly 0.5)
 * does not confirm a tag.
 */
public final class ConditionalAccuracy {
    public static final double THRESHOLD = 0.5;

    private ConditionalAccuracy() {
    }

    /**
     * @param accuracy the share of all samples whose predicted class is the requested one
     * @param perClass for each class, that share among the samples requested for it; NaN for a
     *        class never requested
     * @param requestedCounts how many samples were requested for each class
     */
    public record Result(double accuracy, double[] perClass, int[] requestedCounts, long sampleCount) {
        public Result {
            perClass = perClass.clone();
            requestedCounts = requestedCounts.clone();
        }

        @Override
        public double[] perClass() {
            return perClass.clone();
        }

        @Override
        public int[] requestedCounts() {
            return requestedCounts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Double.compare(accuracy, r.accuracy) == 0
                    && Arrays.equals(perClass, r.perClass) && Arrays.equals(requestedCounts, r.requestedCounts)
                    && sampleCount == r.sampleCount;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(perClass) + Double.hashCode(accuracy);
        }

        @Override
        public String toString() {
            return "Result[accuracy=" + accuracy + ", perClass=" + Arrays.toString(perClass) + ", requestedCounts="
                    + Arrays.toString(requestedCounts) + ", sampleCount=" + sampleCount + "]";
        }
    }

    /**
     * @param perTag for each tag, the share of samples where the judge agrees with the request
     *        (present when requested, absent when not)
     * @param tagAccuracy the mean of {@code perTag}
     * @param exactMatch the share of samples with every tag as requested
     */
    public record MultiLabelResult(double[] perTag, double tagAccuracy, double exactMatch, long sampleCount) {
        public MultiLabelResult {
            perTag = perTag.clone();
        }

        @Override
        public double[] perTag() {
            return perTag.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MultiLabelResult r && Arrays.equals(perTag, r.perTag)
                    && Double.compare(tagAccuracy, r.tagAccuracy) == 0 && Double.compare(exactMatch, r.exactMatch) == 0
                    && sampleCount == r.sampleCount;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(perTag) + Double.hashCode(exactMatch);
        }

        @Override
        public String toString() {
            return "MultiLabelResult[perTag=" + Arrays.toString(perTag) + ", tagAccuracy=" + tagAccuracy
                    + ", exactMatch=" + exactMatch + ", sampleCount=" + sampleCount + "]";
        }
    }

    /**
     * @param requested the class each sample was generated for
     * @param predicted the judge's class for each sample
     */
    public static Result compute(int[] requested, int[] predicted, int numClasses) {
        ClassLabels.requireClasses(numClasses);
        ClassLabels.checked("requested", requested, numClasses);
        ClassLabels.checked("predicted", predicted, numClasses);
        if (requested.length != predicted.length) {
            throw new IllegalArgumentException("requested and predicted must have the same length, found "
                    + requested.length + " and " + predicted.length);
        }
        int[] counts = new int[numClasses];
        int[] hits = new int[numClasses];
        int total = 0;
        for (int i = 0; i < requested.length; i++) {
            counts[requested[i]]++;
            if (predicted[i] == requested[i]) {
                hits[requested[i]]++;
                total++;
            }
        }
        double[] perClass = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            perClass[c] = counts[c] == 0 ? Double.NaN : (double) hits[c] / counts[c];
        }
        return new Result((double) total / requested.length, perClass, counts, requested.length);
    }

    /**
     * @param requested {@code [samples, tags]}, true where the tag was asked for
     * @param probabilities {@code [samples, tags]}, the judge's probability of each tag
     */
    public static MultiLabelResult multiLabel(boolean[][] requested, double[][] probabilities) {
        requireNonNull(requested, "requested is null");
        requireNonNull(probabilities, "probabilities is null");
        if (requested.length == 0) {
            throw new IllegalArgumentException("requested must not be empty");
        }
        if (requested.length != probabilities.length) {
            throw new IllegalArgumentException("requested and probabilities must have the same number of samples, found "
                    + requested.length + " and " + probabilities.length);
        }
        int tags = requireNonNull(requested[0], "requested[0] is null").length;
        if (tags == 0) {
            throw new IllegalArgumentException("requested must have at least one tag");
        }
        int[] agreements = new int[tags];
        int exact = 0;
        for (int i = 0; i < requested.length; i++) {
            boolean[] want = requireNonNull(requested[i], "requested[" + i + "] is null");
            double[] p = requireNonNull(probabilities[i], "probabilities[" + i + "] is null");
            if (want.length != tags || p.length != tags) {
                throw new IllegalArgumentException("every sample must have " + tags + " tags, found "
                        + want.length + " requested and " + p.length + " probabilities at sample " + i);
            }
            boolean all = true;
            for (int t = 0; t < tags; t++) {
                if (!(p[t] >= 0 && p[t] <= 1)) {
                    throw new IllegalArgumentException(
                            "probabilities must be in [0, 1], found " + p[t] + " at sample " + i + ", tag " + t);
                }
                if ((p[t] > THRESHOLD) == want[t]) {
                    agreements[t]++;
                } else {
                    all = false;
                }
            }
            if (all) {
                exact++;
            }
        }
        double[] perTag = new double[tags];
        double mean = 0;
        for (int t = 0; t < tags; t++) {
            perTag[t] = (double) agreements[t] / requested.length;
            mean += perTag[t];
        }
        return new MultiLabelResult(perTag, mean / tags, (double) exact / requested.length, requested.length);
    }

    /**
     * As {@link #multiLabel(boolean[][], double[][])}, with {@code requested} as a 0/1 (or BOOL)
     * matrix and the probabilities as a matrix of any floating type.
     */
    public static MultiLabelResult multiLabel(INDArray requested, INDArray probabilities) {
        requireNonNull(requested, "requested is null");
        requireNonNull(probabilities, "probabilities is null");
        if (requested.rank() != 2 || probabilities.rank() != 2) {
            throw new IllegalArgumentException("requested and probabilities must be matrices [samples, tags], found "
                    + Arrays.toString(requested.shape()) + " and " + Arrays.toString(probabilities.shape()));
        }
        double[][] want = requested.castTo(DataType.DOUBLE).toDoubleMatrix();
        boolean[][] flags = new boolean[want.length][];
        for (int i = 0; i < want.length; i++) {
            flags[i] = new boolean[want[i].length];
            for (int t = 0; t < want[i].length; t++) {
                if (want[i][t] != 0 && want[i][t] != 1) {
                    throw new IllegalArgumentException(
                            "requested must hold 0 or 1, found " + want[i][t] + " at sample " + i + ", tag " + t);
                }
                flags[i][t] = want[i][t] == 1;
            }
        }
        return multiLabel(flags, probabilities.castTo(DataType.DOUBLE).toDoubleMatrix());
    }
}
