package dev.gan4j.metrics.eval;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.train.Sampling;
import dev.gan4j.metrics.ClassHistogram;
import dev.gan4j.metrics.ConditionalAccuracy;
import dev.gan4j.metrics.DensityCoverage;
import dev.gan4j.metrics.FeatureStatistics;
import dev.gan4j.metrics.FrechetDistance;
import dev.gan4j.metrics.GroupedTagAccuracy;
import dev.gan4j.metrics.KernelInceptionDistance;
import dev.gan4j.metrics.PrecisionRecall;
import dev.gan4j.metrics.ReferenceSet;
import dev.gan4j.metrics.judge.Judge;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Measures a generator against real data in a judge's feature space. The real features (the held-out
 * split, and a same-sized part of the training split for the real-data floor) are computed once, with
 * their Fréchet statistics and nearest-neighbour radii ({@link ReferenceSet}), so evaluating during
 * training costs only the generated samples.
 */
public final class Evaluator {
    private static final int CHUNK = 500;

    private final Judge judge;
    private final int samples;
    private final INDArray realFeatures;
    private final ReferenceSet reference;
    private final INDArray floorFeatures;
    private final double[] classShares;
    private final int[] realLabels;
    private final INDArray realTags;
    private final List<String> tags;
    private final Map<String, List<String>> tagGroups;

    /**
     * @param judge    the judge whose features define the distances
     * @param heldOut  real examples the generated ones are compared with (the test split)
     * @param training real examples for the floor: how far real data is from {@code heldOut} by the same measure
     * @param samples  generated samples per evaluation (and training examples for the floor)
     */
    public Evaluator(Judge judge, DataSource heldOut, DataSource training, int samples) {
        this.judge = requireNonNull(judge, "judge is null");
        requireNonNull(heldOut, "heldOut is null");
        requireNonNull(training, "training is null");
        if (samples <= 1) {
            throw new IllegalArgumentException("samples must be > 1, found " + samples);
        }
        if (!heldOut.shape().equals(judge.info().inputShape())) {
            throw new IllegalArgumentException("the judge reads examples of shape " + judge.info().inputShape()
                    + " but the data has shape " + heldOut.shape());
        }
        this.samples = samples;
        Batch real = heldOut.range(0, heldOut.size());
        this.realFeatures = judge.features(real.examples());
        this.reference = ReferenceSet.of(realFeatures);
        this.classShares = judge.info().multiLabel() ? null : shares(real, judge.info().classes());
        this.realLabels = real.labels() == null ? null : real.labels().castTo(DataType.INT).toIntVector();
        this.realTags = real.tags();
        this.tags = heldOut.conditionSchema().tags();
        this.tagGroups = heldOut.conditionSchema().tagGroups();
        this.floorFeatures = judge.features(training.range(0, Math.min(samples, training.size())).examples());
    }

    public int samples() {
        return samples;
    }

    /** The metrics of real training data against the held-out data: the best a generator can hope for. */
    public Map<String, Double> floor(Set<Metric> metrics, long seed) {
        Map<String, Double> values = new LinkedHashMap<>();
        measure(floorFeatures, metrics, seed, values);
        if (metrics.contains(Metric.CONDITIONAL)) {
            requireHeldOutConditions();
            if (judge.info().multiLabel()) {
                putTagAccuracy(values, realTags, realFeatures);
            } else {
                values.put("conditional_accuracy", ConditionalAccuracy.compute(realLabels, judge.classesFromFeatures(realFeatures),
                        judge.info().classes()).accuracy());
            }
        }
        return values;
    }

    /**
     * Generates {@link #samples()} examples from latents drawn with {@code seed} and measures them. A class
     * conditional generator generates every class equally often, and conditional accuracy compares the
     * judge's class of each sample with the class it was generated for; a tag-conditional one cycles through
     * its schema's typical tag sets, or draws random valid tag sets when the data has tag groups, and a multi-label
     * judge compares each tag: the mean accuracy over tags, the share of samples with every tag right, and with tag
     * groups the accuracy of each group and free tag ({@link GroupedTagAccuracy}).
     */
    public Map<String, Double> evaluate(Generator generator, Encoder encoder, Set<Metric> metrics, long seed) {
        check(generator, encoder, metrics);
        NormalSampler latents = new NormalSampler(seed);
        INDArray features = Nd4j.create(DataType.FLOAT, samples, judge.info().featureDim());
        int[] requested = new int[samples];
        INDArray requestedTags = judge.info().multiLabel() ? Nd4j.create(DataType.FLOAT, samples, judge.info().classes()) : null;
        boolean byRandomTagSets = generator.conditionDim() > 0 && !encoder.schema().tagGroups().isEmpty();
        for (int start = 0; start < samples; start += CHUNK) {
            int count = Math.min(CHUNK, samples - start);
            Conditions conditions = byRandomTagSets ? Sampling.randomTagSets(encoder, seed, start, count)
                    : Sampling.defaults(generator, encoder, start, count);
            INDArray generated = Sampling.generate(generator, encoder, latents.next(DataType.FLOAT, count, generator.latentDim()),
                    conditions);
            features.get(NDArrayIndex.interval(start, start + count), NDArrayIndex.all()).assign(judge.features(generated));
            if (conditions != null && conditions.labels() != null) {
                System.arraycopy(conditions.labelIndices(), 0, requested, start, count);
            }
            if (requestedTags != null && conditions != null && conditions.tags() != null) {
                requestedTags.get(NDArrayIndex.interval(start, start + count), NDArrayIndex.all()).assign(conditions.tags());
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        measure(features, metrics, seed, values);
        if (metrics.contains(Metric.CONDITIONAL)) {
            if (requestedTags != null) {
                putTagAccuracy(values, requestedTags, features);
            } else {
                values.put("conditional_accuracy", ConditionalAccuracy.compute(requested, judge.classesFromFeatures(features),
                        judge.info().classes()).accuracy());
            }
        }
        return values;
    }

    /** Mean tag accuracy and exact matches, and with tag groups the accuracy of each group ({@link GroupedTagAccuracy}). */
    private void putTagAccuracy(Map<String, Double> values, INDArray requested, INDArray features) {
        INDArray probabilities = judge.tagProbabilitiesFromFeatures(features);
        ConditionalAccuracy.MultiLabelResult result = ConditionalAccuracy.multiLabel(requested, probabilities);
        values.put("conditional_accuracy", result.tagAccuracy());
        values.put("conditional_exact_match", result.exactMatch());
        if (!tagGroups.isEmpty() && tags.equals(judge.info().tags())) {
            values.putAll(GroupedTagAccuracy.of(requested, probabilities, tags, tagGroups));
        }
    }

    /**
     * Fails as {@link #evaluate} would, without generating anything: training checks its evaluation before the first
     * step, so that a run whose evaluation cannot work does not stop at it, nor fail there again on every resume.
     *
     * @throws InvalidValueException naming what to change, as the fields of an experiment's {@code evaluation} section
     *                               call it: {@code judge}, {@code metrics}, {@code samples} or {@code heldOut}
     */
    public void check(Generator generator, Encoder encoder, Set<Metric> metrics) {
        if (!generator.outputShape().equals(judge.info().inputShape())) {
            throw new InvalidValueException("judge", "the generator produces " + generator.outputShape() + " but the judge reads "
                    + judge.info().inputShape());
        }
        if (metrics.contains(Metric.CONDITIONAL)) {
            requireJudgeFits(generator, encoder);
            requireHeldOutConditions();
        }
        checkMetrics(metrics, samples);
    }

    /** What the metrics need of the judge and of the sample count, whoever generated the samples. */
    private void checkMetrics(Set<Metric> metrics, long count) {
        if (metrics.contains(Metric.CLASSES) && judge.info().multiLabel()) {
            throw new InvalidValueException("metrics", "the class histogram ('classes') needs a class judge; this judge recognises tags");
        }
        if (metrics.contains(Metric.DC) && count <= DensityCoverage.DEFAULT_K || metrics.contains(Metric.PR) && count <= PrecisionRecall.DEFAULT_K) {
            throw new InvalidValueException("samples", "precision/recall and density/coverage compare each sample with its k nearest "
                    + "neighbours (k = " + PrecisionRecall.DEFAULT_K + " and " + DensityCoverage.DEFAULT_K + "), so they need more samples than k; "
                    + count + " samples");
        }
    }

    /** Conditional accuracy of the held-out data, its floor, needs that data's labels, or its tags for a tag judge. */
    private void requireHeldOutConditions() {
        if (judge.info().multiLabel() ? realTags == null : realLabels == null) {
            throw new InvalidValueException("heldOut", "conditional accuracy compares with the held-out data's "
                    + (judge.info().multiLabel() ? "tags" : "labels") + ", which it has none of");
        }
    }

    /** Conditional accuracy needs a judge of what the model is conditioned on: its classes, or its tags. */
    private void requireJudgeFits(Generator generator, Encoder encoder) {
        if (generator.conditionDim() == 0) {
            throw new InvalidValueException("metrics", "conditional accuracy needs a conditional model; this one is unconditional");
        }
        if (judge.info().multiLabel()) {
            if (!judge.info().tags().equals(encoder.schema().tags())) {
                throw new InvalidValueException("judge", "the judge recognises the tags " + judge.info().tags()
                        + " but the model is conditioned on " + (encoder.schema().tags().isEmpty() ? "no tags" : encoder.schema().tags()));
            }
        } else if (encoder.schema().classes().isEmpty()) {
            throw new InvalidValueException("judge", "conditional accuracy with a class judge needs a class-conditional model; this one "
                    + "is conditioned on " + (encoder.schema().texts() ? "texts" : "tags (train a tag judge: gan judge train --tags)"));
        } else if (encoder.schema().classes().size() != judge.info().classes()) {
            throw new InvalidValueException("judge", "the judge tells " + judge.info().classes() + " classes apart but the model is "
                    + "conditioned on " + encoder.schema().classes().size() + "; train a judge on the model's data");
        }
    }

    /** Measures given samples {@code [n, ...inputShape]} (for example another framework's, read from NPY). */
    public Map<String, Double> evaluateSamples(INDArray samples, Set<Metric> metrics, long seed) {
        long[] expected = judge.info().inputShape().withBatch(samples.size(0));
        if (!java.util.Arrays.equals(samples.shape(), expected)) {
            throw new IllegalArgumentException("samples have shape " + java.util.Arrays.toString(samples.shape())
                    + " but the judge reads " + java.util.Arrays.toString(expected));
        }
        checkMetrics(metrics, samples.size(0));
        Map<String, Double> values = new LinkedHashMap<>();
        measure(judge.features(samples), metrics, seed, values);
        return values;
    }

    private void measure(INDArray features, Set<Metric> metrics, long seed, Map<String, Double> values) {
        if (metrics.contains(Metric.FID)) {
            values.put("fid", FrechetDistance.compute(reference.statistics(), FeatureStatistics.of(features)).value());
        }
        if (metrics.contains(Metric.KID)) {
            int subsetSize = (int) Math.min(1000, Math.min(realFeatures.size(0), features.size(0)));
            KernelInceptionDistance.Result kid = new KernelInceptionDistance(100, subsetSize, seed).compute(realFeatures, features);
            values.put("kid", kid.mean());
            values.put("kid_std", kid.standardDeviation());
        }
        if (metrics.contains(Metric.PR)) {
            PrecisionRecall.Result pr = new PrecisionRecall().compute(reference, features);
            values.put("precision", pr.precision());
            values.put("recall", pr.recall());
        }
        if (metrics.contains(Metric.DC)) {
            DensityCoverage.Result dc = new DensityCoverage().compute(reference, features);
            values.put("density", dc.density());
            values.put("coverage", dc.coverage());
        }
        if (metrics.contains(Metric.CLASSES)) {
            int[] predicted = judge.classesFromFeatures(features);
            ClassHistogram.Result histogram = ClassHistogram.compute(predicted, judge.info().classes(), classShares);
            values.put("class_kl", histogram.klDivergence());
            values.put("class_min_share", histogram.minShare());
        }
    }

    private static double[] shares(Batch real, int classes) {
        double[] shares = new double[classes];
        if (real.labels() == null) {
            java.util.Arrays.fill(shares, 1.0 / classes);
            return shares;
        }
        int[] labels = real.labels().castTo(DataType.INT).toIntVector();
        for (int label : labels) {
            if (label >= classes) {
                throw new IllegalArgumentException("the held-out data has class " + label + " but the judge tells only " + classes
                        + " classes apart: it was trained on other data");
            }
            shares[label]++;
        }
        for (int c = 0; c < classes; c++) {
            shares[c] /= labels.length;
        }
        return shares;
    }
}
