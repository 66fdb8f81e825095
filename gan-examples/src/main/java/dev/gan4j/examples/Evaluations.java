package dev.gan4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.metrics.eval.Evaluator;
import dev.gan4j.metrics.judge.Judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the evaluator of an experiment: its judge, its held-out split and its training split (for the floor). */
final class Evaluations {
    private Evaluations() {
    }

    record Setup(Path judgePath, Judge judge, Evaluator evaluator) {
    }

    /**
     * @param judgeFile the judge to use; {@code null} for {@code ~/.gan/judges/<dataset>.judge}
     */
    static Setup prepare(ComponentRegistry registry, Experiment experiment, Path judgeFile, int samples) {
        JsonNode dataSpec = registry.mapper().valueToTree(experiment.data());
        String dataset = dataSpec.path("dataset").asText("custom");
        Path judgePath = judgeFile != null ? judgeFile : JudgeCommand.defaultPath(dataset);
        if (!Files.isRegularFile(judgePath)) {
            throw new IllegalStateException("no judge at " + judgePath + ": train one with `gan judge train --dataset " + dataset
                    + "` or pass --judge FILE");
        }
        try {
            Judge judge = Judge.load(judgePath);
            String trainJson = registry.mapper().writeValueAsString(dataSpec);
            DataSource training = JudgeCommand.open(registry, trainJson, "data");
            DataSource heldOut = JudgeCommand.open(registry, JudgeCommand.withSplit(registry, trainJson, "test"), "data");
            return new Setup(judgePath, judge, new Evaluator(judge, heldOut, training, samples));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the data spec of " + experiment.name(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
