package dev.gan4j.examples;

import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.EvaluationSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.config.InvalidValueException;
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
        EvaluationSpec evaluation = experiment.evaluation();
        Path judge = null;
        if (evaluation != null) {
            Set<Metric> metrics = Evaluations.trainingMetrics(evaluation);
            Evaluations.Setup setup = Evaluations.prepare(registry, experiment, evaluation);
            try {
                setup.evaluator().check(assembled.model().samplingGenerator(), assembled.model().encoder(), metrics);
            } catch (InvalidValueException e) {
                throw e.inSection("evaluation");
            }
            judge = setup.judgePath();
        }
        System.out.println("experiment " + experiment.name() + ": ok");
        System.out.println("  data: " + assembled.data().description() + ", " + assembled.data().size() + " examples of shape "
                + assembled.data().shape());
        System.out.println("  generator: " + assembled.model().generator().network().parameterCount() + " parameters");
        System.out.println("  discriminator: " + assembled.model().discriminator().network().parameterCount() + " parameters");
        if (evaluation != null) {
            System.out.println("  evaluation: " + String.join(",", evaluation.metrics()) + " every " + evaluation.every()
                    + " steps, judge " + judge);
        }
        return 0;
    }
}
