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
        if (Files.isRegularFile(source.resolve("state.json")) || Checkpoints.isCheckpointName(source)) {
            directory = source;
        } else if (checkpoint != null) {
            directory = new RunDirectory(source).checkpoints().resolve(checkpoint);
        } else {
            RunDirectory run = new RunDirectory(source);
            directory = Checkpoints.latest(run).orElseThrow(() -> new IllegalStateException(Files.isDirectory(run.checkpoints())
                    ? run.checkpoints() + " holds no complete checkpoint (a step-N directory with state.json)"
                    : source + " is neither a checkpoint nor a run directory with checkpoints"));
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no checkpoint " + directory);
        }
        Checkpoint read = Checkpoints.read(directory, registry.mapper());
        Experiment experiment = Checkpoints.experiment(read, new ExperimentReader(registry));
        GanModel model = ExperimentAssembly.buildModel(experiment, read.dataShape(), read.conditions(), DataType.FLOAT);
        Checkpoints.restore(read, model);
        return new Restored(read, experiment, model);
    }
}
