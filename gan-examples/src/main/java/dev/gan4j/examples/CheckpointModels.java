package dev.gan4j.examples;

import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
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
     * @param checkpoint with a run directory: a checkpoint name ({@code step-N}); {@code null} for the newest readable
     *                   one, with a warning on standard error for each newer damaged one passed over
     */
    static Restored load(ComponentRegistry registry, Path source, String checkpoint) {
        ExperimentReader reader = new ExperimentReader(registry);
        Checkpoint read;
        if (Files.isRegularFile(source.resolve("state.json")) || Checkpoints.isCheckpointName(source) || checkpoint != null) {
            Path directory = checkpoint == null ? source : new RunDirectory(source).checkpoints().resolve(checkpoint);
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException("no checkpoint " + directory);
            }
            read = Checkpoints.read(directory, registry.mapper());
        } else {
            RunDirectory run = new RunDirectory(source);
            read = Checkpoints.newestReadable(run, reader, registry.mapper(), skipped -> System.err.println("warning: " + skipped))
                    .orElseThrow(() -> new IllegalStateException(Files.isDirectory(run.checkpoints())
                            ? run.checkpoints() + " holds no complete checkpoint (a step-N directory with state.json)"
                            : source + " is neither a checkpoint nor a run directory with checkpoints"));
        }
        Experiment experiment = Checkpoints.experiment(read, reader);
        GanModel model = ExperimentAssembly.buildModel(experiment, read.dataShape(), read.conditions(), DataType.FLOAT);
        Checkpoints.restore(read, model);
        return new Restored(read, experiment, model);
    }
}
