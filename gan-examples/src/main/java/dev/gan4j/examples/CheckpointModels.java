package dev.gan4j.examples;

import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.config.ExperimentReader;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.train.Checkpoint;
import dev.gan4j.core.train.Checkpoints;
import dev.gan4j.core.train.ExperimentAssembly;
import dev.gan4j.core.train.RunDirectory;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Rebuilds the networks of a run from a checkpoint, for the commands that read trained models. */
final class CheckpointModels {
    private CheckpointModels() {
    }

    /** A restored model with the checkpoint and experiment it came from. */
    record Restored(Checkpoint checkpoint, Experiment experiment, GanModel model) {
    }

    /**
     * @param source     a checkpoint directory, or a run directory
     * @param checkpoint with a run directory: a checkpoint name ({@code step-N}); {@code null} for the latest
     */
    static Restored load(ComponentRegistry registry, Path source, String checkpoint) {
        Path directory;
        if (Files.isRegularFile(source.resolve("state.json"))) {
            directory = source;
        } else if (checkpoint != null) {
            directory = new RunDirectory(source).checkpoints().resolve(checkpoint);
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException("no checkpoint " + directory);
            }
        } else {
            directory = Checkpoints.latest(new RunDirectory(source)).orElseThrow(() -> new IllegalStateException(
                    source + " is neither a checkpoint nor a run directory with checkpoints"));
        }
        Checkpoint read = Checkpoints.read(directory, registry.mapper());
        Experiment experiment = new ExperimentReader(registry).read(read.configJson(), List.of());
        GanModel model = ExperimentAssembly.buildModel(experiment, read.dataShape(), read.conditions(), DataType.FLOAT);
        Checkpoints.restore(read, model);
        return new Restored(read, experiment, model);
    }
}
