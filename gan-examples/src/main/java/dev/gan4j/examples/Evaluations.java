package dev.gan4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.EvaluationSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.metrics.DensityCoverage;
import dev.gan4j.metrics.eval.Evaluator;
import dev.gan4j.metrics.eval.Metric;
import dev.gan4j.metrics.judge.Judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Builds the evaluator of an experiment: its judge, its held-out split and its training split (for the floor). */
final class Evaluations {
    /** Density and coverage compare each held-out example with its 5 nearest neighbours among the others. */
    private static final int MINIMUM_HELD_OUT = DensityCoverage.DEFAULT_K;

    private Evaluations() {
    }

    record Setup(Path judgePath, Judge judge, Evaluator evaluator) {
    }

    /**
     * The metrics of an experiment's {@code evaluation} section, which training computes every {@code every} steps.
     * {@code modes} is refused there: it is measured on a finished run, without a judge.
     */
    static Set<Metric> trainingMetrics(EvaluationSpec evaluation) {
        Set<Metric> metrics;
        try {
            metrics = Metric.parse(String.join(",", evaluation.metrics()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("evaluation.metrics", e.getMessage());
        }
        if (metrics.contains(Metric.MODES)) {
            throw new ConfigException("evaluation.metrics", "'modes' is not measured during training; measure it after with "
                    + "`gan evaluate RUN_DIR --metrics modes`");
        }
        return metrics;
    }

    /**
     * The judge file evaluation will use, checked to exist: a missing one is a config error of {@code field}, found
     * before any work.
     *
     * @param judgeFile the judge to use; {@code null} for {@code ~/.gan/judges/<dataset>.judge}, or the dataset's tag
     *                  judge {@code <dataset>-tags.judge} when only that exists
     * @param field     the option or config field that names the judge ({@code --judge}, {@code evaluation.judge})
     */
    static Path judgePath(ComponentRegistry registry, Experiment experiment, Path judgeFile, String field) {
        String dataset = dataset(registry, experiment);
        Path judgePath = judgeFile != null ? judgeFile : JudgeCommand.defaultPath(dataset);
        Path tagJudge = JudgeCommand.defaultPath(dataset + "-tags");
        if (judgeFile == null && !Files.isRegularFile(judgePath) && Files.isRegularFile(tagJudge)) {
            judgePath = tagJudge;
        }
        if (!Files.isRegularFile(judgePath)) {
            throw new ConfigException(field, "no judge at " + judgePath + ": train one with `gan judge train --dataset " + dataset
                    + "` (with --tags for a data set of tags, such as avatars) or name another with " + field);
        }
        return judgePath;
    }

    private static String dataset(ComponentRegistry registry, Experiment experiment) {
        return JudgeCommand.datasetOf(registry.mapper().valueToTree(experiment.data()));
    }

    /**
     * The judge-based metrics read images, since a judge is a CNN classifier of the data's images; 2-D mixtures
     * are measured by {@code modes} instead.
     *
     * @param field the option or config field that asked for the metrics, for the error
     */
    private static void requireImages(DataSource data, String field) {
        if (!data.shape().isImage()) {
            throw new ConfigException(field, "fid, kid, pr, dc, classes and conditional are measured by a judge of images, but "
                    + data.description() + " holds vectors of shape " + data.shape()
                    + "; measure a 2-D mixture after training with `gan evaluate RUN_DIR --metrics modes`");
        }
    }

    /** The evaluation an experiment's {@code evaluation} section asks for during training; errors name its fields. */
    static Setup prepare(ComponentRegistry registry, Experiment experiment, EvaluationSpec evaluation) {
        return prepare(registry, experiment, evaluation.judge() == null ? null : Path.of(evaluation.judge()), "evaluation.judge",
                evaluation.samples(), "evaluation.metrics", evaluation.heldOut(), "evaluation.heldOut");
    }

    /**
     * @param judgeFile    the judge to use; {@code null} for {@code ~/.gan/judges/<dataset>.judge}
     * @param judgeField   the option or config field that names the judge, for errors
     * @param metricsField the option or config field that asked for the metrics, for errors
     * @param heldOut      the data to compare with; {@code null} for the test split of the experiment's named dataset
     * @param heldOutField the option or config field that gives it, named when it is needed and missing or unreadable
     */
    static Setup prepare(ComponentRegistry registry, Experiment experiment, Path judgeFile, String judgeField, int samples,
                         String metricsField, DataSpec heldOut, String heldOutField) {
        JsonNode dataSpec = registry.mapper().valueToTree(experiment.data());
        try {
            String trainJson = registry.mapper().writeValueAsString(dataSpec);
            DataSource training = JudgeCommand.open(registry, trainJson, "data");
            requireImages(training, metricsField);
            Path judgePath = judgePath(registry, experiment, judgeFile, judgeField);
            Judge judge = Judge.load(judgePath);
            DataSource reference = heldOut != null ? JudgeCommand.open(heldOut, heldOutField)
                    : JudgeCommand.open(registry, JudgeCommand.withSplit(registry, trainJson, "test", heldOutField, "data"), "data");
            String referenceField = heldOut != null ? heldOutField : "data";
            if (reference.size() <= MINIMUM_HELD_OUT) {
                throw new ConfigException(referenceField, "the held-out data (" + reference.description() + ") holds "
                        + reference.size() + " examples; evaluation needs more than " + MINIMUM_HELD_OUT + " (density and"
                        + " coverage compare each with its " + MINIMUM_HELD_OUT + " nearest neighbours)"
                        + (heldOut != null ? "" : "; a data.limit applies to the test split too"));
            }
            if (!reference.shape().equals(training.shape())) {
                throw new ConfigException(referenceField, "the held-out data (" + reference.description() + ") holds examples of"
                        + " shape " + reference.shape() + ", the training data " + training.shape());
            }
            try {
                return new Setup(judgePath, judge, new Evaluator(judge, reference, training, samples));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(judgeField, e.getMessage() + " (judge " + judgePath + ")", e);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the data spec of " + experiment.name(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
