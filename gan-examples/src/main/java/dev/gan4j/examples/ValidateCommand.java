package dev.gan4j.examples;

import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.EvaluationSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.config.ExperimentReader;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.ExperimentAssembly;
import dev.gan4j.metrics.eval.Metric;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment without training: config, data files, networks and their shapes.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment JSON file or preset name")
    String config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config value")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        ComponentRegistry registry = Plugins.registry();
        ExperimentReader reader = new ExperimentReader(registry);
        Experiment experiment = ExperimentSource.load(reader, config, overrides);
        ExperimentAssembly.Assembled assembled = ExperimentAssembly.assemble(experiment, DataContext.system(), DataType.FLOAT);
        System.out.println("experiment " + experiment.name() + ": ok");
        System.out.println("  data: " + assembled.data().description() + ", " + assembled.data().size() + " examples of shape "
                + assembled.data().shape());
        System.out.println("  generator: " + assembled.model().generator().network().parameterCount() + " parameters");
        System.out.println("  discriminator: " + assembled.model().discriminator().network().parameterCount() + " parameters");
        EvaluationSpec evaluation = experiment.evaluation();
        if (evaluation != null) {
            Set<Metric> metrics = Evaluations.trainingMetrics(evaluation);
            Path judge = Evaluations.judgePath(registry, experiment, evaluation.judge() == null ? null : Path.of(evaluation.judge()));
            System.out.println("  evaluation: " + metrics.stream().map(Metric::id).collect(Collectors.joining(","))
                    + " every " + evaluation.every() + " steps, judge " + judge);
        }
        return 0;
    }
}
