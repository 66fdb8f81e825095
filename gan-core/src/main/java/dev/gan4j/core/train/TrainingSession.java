package dev.gan4j.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.plugin.ComponentRegistry;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A training run in its run directory: fresh or resumed from the newest readable checkpoint, with the
 * standard listeners (console progress, {@code metrics.jsonl}, sample grids, checkpoints).
 */
public final class TrainingSession {
    /** Sections that do not change the networks, so a resumed run may change them (e.g. train longer). */
    private static final java.util.Set<String> RESUMABLE_CHANGES = java.util.Set.of("training", "evaluation", "description");

    private final ComponentRegistry registry;
    private final ExperimentReader reader;
    private final DataContext dataContext;
    private final PrintStream console;
    private final boolean interactive;
    private DataType dataType = DataType.FLOAT;
    private final List<TrainingListener> extraListeners = new ArrayList<>();

    public TrainingSession(ComponentRegistry registry, DataContext dataContext, PrintStream console, boolean interactive) {
        this.registry = requireNonNull(registry, "registry is null");
        this.reader = new ExperimentReader(registry);
        this.dataContext = requireNonNull(dataContext, "dataContext is null");
        this.console = requireNonNull(console, "console is null");
        this.interactive = interactive;
    }

    /** Floating-point type of the networks; FLOAT unless a test needs DOUBLE. */
    public TrainingSession optDataType(DataType dataType) {
        this.dataType = requireNonNull(dataType, "dataType is null");
        return this;
    }

    /** Adds a listener; it sees each step before the step's checkpoint is written. */
    public TrainingSession optListener(TrainingListener listener) {
        extraListeners.add(requireNonNull(listener, "listener is null"));
        return this;
    }

    /**
     * Trains {@code experiment} in {@code runDir}.
     *
     * @param resume continue from the newest readable checkpoint in {@code runDir}, warning of newer damaged ones on
     *               the console; the experiment may differ from the
     *               checkpoint's only in its {@code training} section (for example more iterations)
     * @return the last checkpoint written
     */
    public Path train(Experiment experiment, Path runDir, boolean resume) {
        try (RunLock lock = RunLock.acquire(runDir)) {
            return trainLocked(experiment, runDir, resume);
        }
    }

    private Path trainLocked(Experiment experiment, Path runDir, boolean resume) {
        RunDirectory run = new RunDirectory(runDir);
        cleanUpInterruptedWrites(run);
        Optional<Checkpoint> checkpoint = Optional.empty();
        if (resume) {
            Checkpoint cp = Checkpoints.newestReadable(run, reader, registry.mapper(), skipped -> console.println("warning: " + skipped))
                    .orElseThrow(() -> new IllegalStateException("nothing to resume: " + run.checkpoints() + " holds no checkpoint"));
            requireCompatible(experiment, cp);
            if (cp.step() >= experiment.training().iterations()) {
                throw new ConfigException("training.iterations", "the run is already at step " + cp.step() + " (" + cp.directory()
                        + "); to train on, raise it above that, e.g. --set training.iterations=" + (cp.step() * 2));
            }
            checkpoint = Optional.of(cp);
        } else if (Checkpoints.latest(run).isPresent()) {
            throw new IllegalStateException("run directory " + runDir + " already holds a run: pass --resume to continue it, "
                    + "or --run-dir to start a new one elsewhere");
        }
        ExperimentAssembly.Assembled assembled = ExperimentAssembly.assemble(experiment, dataContext, dataType, checkpoint.orElse(null));
        long firstStep = 0;
        if (checkpoint.isPresent()) {
            Checkpoints.restore(checkpoint.get(), assembled.model());
            firstStep = checkpoint.get().step();
            console.println("resuming from " + checkpoint.get().directory());
        }
        String configJson = reader.write(experiment);
        try {
            Files.createDirectories(runDir);
            AtomicFiles.writeString(run.config(), configJson);
            run.truncateMetricsAfter(firstStep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + runDir, e);
        }
        TrainingRun training = new TrainingRun(experiment, assembled.model(), assembled.data().shape());
        MetricsLogListener metrics = new MetricsLogListener(run);
        CheckpointListener checkpoints = new CheckpointListener(run, configJson, assembled.data().size(),
                assembled.data().fingerprint().orElse(null), registry.mapper());
        List<TrainingListener> listeners = new ArrayList<>(List.of(
                new ProgressListener(console, interactive), metrics, new SampleGridListener(run)));
        listeners.addAll(extraListeners);
        // Last, so that a checkpoint exists only once every listener has recorded its step: a resume starts after
        // it, and an evaluation interrupted at that step would otherwise never be run again.
        listeners.add(checkpoints);
        BatchSchedule batches = new BatchSchedule(assembled.data(), experiment.data().batchSize(), experiment.seed());
        Trainer trainer = new Trainer(training, assembled.strategy(), batches, listeners, dataType);
        try (MetricsLogListener closedOnAnyExit = metrics) {
            trainer.train(firstStep);
        } catch (DivergenceException e) {
            Path good = checkpoints.latest() != null ? checkpoints.latest() : checkpoint.map(Checkpoint::directory).orElse(null);
            String kept = good != null ? "the last good checkpoint is " + good : "no checkpoint was written before it";
            throw new DivergenceException(e.step(), e.getMessage() + "; " + kept);
        }
        return checkpoints.latest() != null ? checkpoints.latest() : Checkpoints.latest(run).orElseThrow();
    }

    /** Files of a process killed mid-write are never finished or removed by anyone else. */
    private void cleanUpInterruptedWrites(RunDirectory run) {
        List<Path> removed = new ArrayList<>();
        try {
            removed.addAll(Checkpoints.cleanUpInterruptedWrites(run));
            removed.addAll(AtomicFiles.deleteAbandoned(run.root()));
            removed.addAll(AtomicFiles.deleteAbandoned(run.samples()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove what an interrupted run left in " + run.root(), e);
        }
        if (!removed.isEmpty()) {
            console.println("removed what an interrupted run left unfinished: " + removed);
        }
    }

    private void requireCompatible(Experiment experiment, Checkpoint checkpoint) {
        // Both sides are resolved by this version, so defaults added since the checkpoint was written
        // (new optional keys) do not count as changes.
        JsonNode saved;
        JsonNode current;
        try {
            saved = registry.mapper().readTree(reader.write(Checkpoints.experiment(checkpoint, reader)));
            current = registry.mapper().readTree(reader.write(experiment));
        } catch (IOException e) {
            throw new CorruptCheckpointException("checkpoint " + checkpoint.directory() + " has an unreadable config.json", e);
        }
        List<String> differences = new ArrayList<>();
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!RESUMABLE_CHANGES.contains(name) && !current.get(name).equals(saved.get(name))) {
                differences.add(name);
            }
        }
        saved.fieldNames().forEachRemaining(name -> {
            if (!current.has(name) && !RESUMABLE_CHANGES.contains(name) && !differences.contains(name)) {
                differences.add(name);
            }
        });
        if (!differences.isEmpty()) {
            throw new ConfigException(differences.get(0), "differs from the checkpoint " + checkpoint.directory()
                    + " being resumed (differing sections: " + differences + "); only " + new java.util.TreeSet<>(RESUMABLE_CHANGES) + " may change on resume");
        }
    }

}
