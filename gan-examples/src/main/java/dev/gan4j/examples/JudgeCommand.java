package dev.gan4j.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.metrics.judge.Judge;
import dev.gan4j.metrics.judge.JudgeTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Trains and inspects judges: the classifiers whose features define FID, KID and precision/recall. */
@Command(name = "judge", mixinStandardHelpOptions = true, description = "Train or inspect a judge network.",
        subcommands = {JudgeCommand.Train.class, JudgeCommand.Info.class})
final class JudgeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where a judge of a named dataset is kept by default: {@code ~/.gan/judges/<dataset>.judge}. */
    static Path defaultPath(String dataset) {
        return Path.of(System.getProperty("user.home"), ".gan", "judges", dataset + ".judge");
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a classifier judge on labelled (or, with --tags, tagged) data and save it with its test accuracy.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "a named IDX dataset (default: ${DEFAULT-VALUE})")
        String dataset;

        @Option(names = "--data", paramLabel = "JSON", description = "a training data spec instead of --dataset, e.g. {\"type\":\"idx\",\"images\":...}")
        String data;

        @Option(names = "--test-data", paramLabel = "JSON", description = "the held-out data spec (default: --data with split=test)")
        String testData;

        @Option(names = "--epochs", defaultValue = "5", description = "training epochs (default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--batch", defaultValue = "128", description = "batch size (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate, halved every epoch (default: ${DEFAULT-VALUE})")
        double learningRate;

        @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", paramLabel = "FILE", description = "judge file (default: ~/.gan/judges/<dataset>.judge, "
                + "<dataset>-tags.judge with --tags)")
        Path out;

        @Option(names = "--tags", description = "judge the data's tag sets (one sigmoid output per tag) instead of its classes; "
                + "--dataset then reads its tags, and --data needs tagged data such as "
                + "{\"type\":\"idx\",\"dataset\":\"fashion-mnist\",\"conditions\":\"tags\"}")
        boolean tags;

        @Mixin
        NativeThreads nativeThreads = new NativeThreads();

        @Override
        public Integer call() throws IOException {
            nativeThreads.apply();
            ComponentRegistry registry = Plugins.registry();
            String trainJson = data != null ? data : namedData(dataset, tags);
            String testJson = testData != null ? testData : withSplit(registry, trainJson, "test");
            DataSource train = open(registry, trainJson, "--data");
            DataSource test = open(registry, testJson, "--test-data");
            System.out.println("training a judge on " + train.description() + "; testing on " + test.description());
            Judge judge = new JudgeTrainer(epochs, batch, learningRate, seed).train(train, test, tags, System.out);
            String name = data != null ? datasetOf(tree(registry, data)) : dataset;
            Path target = out != null ? out : defaultPath(tags ? name + "-tags" : name);
            judge.save(target);
            System.out.printf(java.util.Locale.ROOT, "test_accuracy=%.4f judge=%s%n", judge.info().testAccuracy(), target);
            return 0;
        }
    }

    /**
     * The name a data spec's judge is kept under: its {@code dataset}, or {@code custom} for files of one's own, as
     * evaluation looks it up.
     */
    static String datasetOf(com.fasterxml.jackson.databind.JsonNode dataSpec) {
        return dataSpec.path("dataset").asText("custom");
    }

    /** The training split of a named dataset, with its tag sets as conditions for a tag judge. */
    static String namedData(String dataset, boolean tags) {
        return "{\"type\":\"idx\",\"dataset\":\"" + dataset + "\",\"split\":\"train\"" + (tags ? ",\"conditions\":\"tags\"}" : "}");
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Print what a judge file records.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            System.out.println(ComponentRegistry.strictMapper().writeValueAsString(Judge.load(file).info()));
            return 0;
        }
    }

    static DataSource open(ComponentRegistry registry, String json, String option) {
        try {
            DataSpec spec = registry.mapper().readValue(json, DataSpec.class);
            return spec.open(DataContext.system());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(option, "not a valid data spec: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(option, e.getMessage(), e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(ComponentRegistry registry, String json) {
        try {
            return registry.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("--data", "not a JSON object: " + json);
        }
    }

    /** The same data spec with {@code split} replaced: the held-out part of a named dataset. */
    static String withSplit(ComponentRegistry registry, String json, String split) {
        try {
            ObjectNode tree = (ObjectNode) registry.mapper().readTree(json);
            if (!tree.has("split") && !tree.has("dataset")) {
                throw new ConfigException("--test-data", "give the held-out data: --data has no split to switch to '" + split + "'");
            }
            tree.put("split", split);
            return registry.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new ConfigException("--data", "not a JSON object: " + json);
        }
    }
}
