package dev.gan4j.examples;

import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.EvaluationSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.Checkpoint;
import dev.gan4j.core.train.Checkpoints;
import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.core.train.TrainingSession;
import dev.gan4j.metrics.eval.EvaluationListener;
import dev.gan4j.metrics.eval.Metric;
import dev.gan4j.metrics.report.ReportListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an experiment (a JSON file or a preset name; default: " + Presets.DEFAULT + ").")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "experiment JSON file or preset name")
    String config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config value, e.g. training.iterations=500")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--run-dir", paramLabel = "DIR", description = "run directory (default: runs/<name>)")
    Path runDir;

    @Option(names = "--resume", description = "continue from the latest checkpoint in the run directory")
    boolean resume;

    @Mixin
    NativeThreads nativeThreads = new NativeThreads();

    @Override
    public Integer call() {
        nativeThreads.apply();
        ComponentRegistry registry = Plugins.registry();
        ExperimentReader reader = new ExperimentReader(registry);
        Experiment experiment;
        Path dir;
        if (resume && config == null) {
            dir = resumeDirectory(reader, runDir, overrides);
            experiment = experimentOfRun(reader, registry, new RunDirectory(dir));
        } else {
            experiment = ExperimentSource.load(reader, config == null ? Presets.DEFAULT : config, overrides);
            dir = runDir != null ? runDir : runsDirectory(experiment.name());
        }
        TrainingSession session = new TrainingSession(registry, DataContext.system(), System.out, System.console() != null);
        EvaluationSpec evaluation = experiment.evaluation();
        if (evaluation != null) {
            Set<Metric> metrics = Evaluations.trainingMetrics(evaluation);
            Evaluations.Setup setup = Evaluations.prepare(registry, experiment, evaluation);
            session.optListener(new EvaluationListener(setup.evaluator(), metrics, evaluation.every(), evaluation.seed(),
                    new RunDirectory(dir), System.out));
        }
        session.optListener(new ReportListener(new RunDirectory(dir), System.out));
        Path checkpoint = session.train(experiment, dir, resume);
        System.out.println("run directory: " + dir);
        System.out.println("last checkpoint: " + checkpoint);
        return 0;
    }

    /**
     * The run a {@code --resume} without CONFIG continues: {@code --run-dir}, or the default preset's directory
     * under {@code runs/}, renamed by a {@code name=} override. The other overrides are for the run's own config,
     * which they may not fit before it is read: they stay out of the default preset.
     */
    static Path resumeDirectory(ExperimentReader reader, Path runDir, List<String> overrides) {
        if (runDir != null) {
            return runDir;
        }
        List<String> naming = overrides.stream().filter(o -> ExperimentReader.overridePath(o).equals("name")).toList();
        return runsDirectory(ExperimentSource.load(reader, Presets.DEFAULT, naming).name());
    }

    private static Path runsDirectory(String name) {
        return Path.of("runs", name);
    }

    /**
     * The experiment of the run being resumed without CONFIG: its {@code config.json}, or when that is gone, the
     * config of its newest readable checkpoint (each checkpoint keeps one, so the run stays resumable).
     */
    private Experiment experimentOfRun(ExperimentReader reader, ComponentRegistry registry, RunDirectory run) {
        if (Files.isRegularFile(run.config())) {
            return reader.read(run.config(), overrides);
        }
        // The session warns of each skipped checkpoint when it picks the same one; once is enough.
        Checkpoint checkpoint = Checkpoints.newestReadable(run, reader, registry.mapper(), skipped -> { })
                .orElseThrow(() -> new IllegalStateException(run.root() + " has no config.json and no checkpoint to resume;"
                        + " to start a run there, leave out --resume"));
        System.out.println(run.config() + " is missing; using the config of " + checkpoint.directory());
        return reader.read(checkpoint.configJson(), overrides);
    }
}
