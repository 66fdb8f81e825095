package dev.gan4j.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.datasets.KnownDataset;
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
        @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "a named IDX dataset (fashion-mnist, mnist), or"
                + " the name of an image folder looked up like them, such as avatars (default: ${DEFAULT-VALUE})")
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
            if (epochs <= 0 || batch <= 0 || !(learningRate > 0)) {
                throw new UsageException("--epochs, --batch and --lr must be > 0, found " + epochs + ", " + batch + ", " + learningRate);
            }
            ComponentRegistry registry = Plugins.registry();
            String trainJson = data != null ? data : namedData(registry, dataset, tags);
            String testJson = testData != null ? testData : withSplit(registry, trainJson, "test");
            String trainOption = data != null ? "--data" : "--dataset";
            DataSpec trainSpec = spec(registry, trainJson, trainOption);
            DataSource train = open(trainSpec, trainOption);
            DataSource test = open(spec(registry, testJson, testData != null ? "--test-data" : trainOption),
                    testData != null ? "--test-data" : trainOption);
            if (batch > train.size()) {
                throw new UsageException("--batch " + batch + " is larger than the training data (" + train.size() + " examples)");
            }
            System.out.println("training a judge on " + train.description() + "; testing on " + test.description());
            Judge judge = new JudgeTrainer(epochs, batch, learningRate, seed).train(train, test, tags, System.out);
            String name = datasetOf(registry.mapper().valueToTree(trainSpec));
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

    /**
     * The training split of a named dataset, with its tag sets as conditions for a tag judge: an IDX set, or an image
     * folder of that name (its train split, classes or tags from its files).
     */
    static String namedData(ComponentRegistry registry, String dataset, boolean tags) {
        boolean idx = KnownDataset.byId(dataset) != null;
        ObjectNode spec = registry.mapper().createObjectNode().put("type", idx ? "idx" : "image-folder").put("dataset", dataset)
                .put("split", "train");
        if (tags) {
            spec.put("conditions", "tags");
        } else if (!idx) {
            spec.put("conditions", "classes");
        }
        return spec.toString();
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
        return open(spec(registry, json, option), option);
    }

    static DataSpec spec(ComponentRegistry registry, String json, String option) {
        try {
            return registry.mapper().readValue(json, DataSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(option, "not a valid data spec: " + e.getOriginalMessage());
        }
    }

    static DataSource open(DataSpec spec, String option) {
        try {
            return spec.open(DataContext.system());
        } catch (IOException e) {
            throw new ConfigException(option, e.getMessage(), e);
        }
    }

    /** The same data spec with {@code split} replaced: the held-out part of a named dataset. */
    static String withSplit(ComponentRegistry registry, String json, String split) {
        return withSplit(registry, json, split, "--test-data", "--data");
    }

    /**
     * @param heldOutField the option or config field that gives held-out data explicitly, named when there is no split
     * @param dataField    the option or config field of {@code json}
     */
    static String withSplit(ComponentRegistry registry, String json, String split, String heldOutField, String dataField) {
        try {
            ObjectNode tree = (ObjectNode) registry.mapper().readTree(json);
            if (!tree.has("split") && !tree.has("dataset")) {
                throw new ConfigException(heldOutField, "give the held-out data: " + dataField + " names files of its own, with no"
                        + " split to switch to '" + split + "'; for example {\"type\":\"idx\",\"images\":\"test-images.gz\","
                        + "\"labels\":\"test-labels.gz\"}");
            }
            tree.put("split", split);
            return registry.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new ConfigException("--data", "not a JSON object: " + json);
        }
    }
}
