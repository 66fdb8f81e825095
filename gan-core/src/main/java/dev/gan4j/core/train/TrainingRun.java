package dev.gan4j.core.train;

import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Experiment;

import static java.util.Objects.requireNonNull;

/** What listeners can see of the run: its experiment, networks and data shape. */
public record TrainingRun(Experiment experiment, GanModel model, Shape dataShape) {
    public TrainingRun {
        requireNonNull(experiment, "experiment is null");
        requireNonNull(model, "model is null");
        requireNonNull(dataShape, "dataShape is null");
    }

    public long iterations() {
        return experiment.training().iterations();
    }
}
