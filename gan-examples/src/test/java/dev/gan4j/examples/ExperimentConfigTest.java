package dev.gan4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.train.ExperimentAssembly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentConfigTest {
    private static final String MINIMAL = """
            {"name": "t", "data": {"type": "idx"}, "generator": {"type": "dcgan"},
             "discriminator": {"type": "dcgan"}, "strategy": {"type": "non-saturating"}}
            """;

    private final ComponentRegistry registry = TestExperiments.registry();
    private final ExperimentReader reader = new ExperimentReader(registry);

    static Stream<String> presets() {
        return Presets.names().stream();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetsRoundTripAndMatchTheirFiles(String name) throws Exception {
        String shipped = Presets.json(name).orElseThrow();
        assertEquals(Files.readString(Path.of("presets", name + ".json")), shipped, "packaged preset differs from its file");
        Experiment experiment = reader.read(shipped, List.of());
        assertEquals(name, experiment.name());
        String resolved = reader.write(experiment);
        Experiment again = reader.read(resolved, List.of());
        assertEquals(reader.toTree(experiment), reader.toTree(again));
        assertEquals(resolved, reader.write(again));
    }

    @Test
    void presetIndexListsEveryPresetFile() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("presets"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - 5)).sorted().toList();
            assertEquals(onDisk, Presets.names().stream().sorted().toList());
        }
        assertTrue(Presets.names().contains(Presets.DEFAULT));
    }

    @Test
    void defaultsAreFilledInTheResolvedForm() {
        JsonNode tree = reader.toTree(reader.read(MINIMAL, List.of()));
        assertEquals(42, tree.path("seed").asLong());
        assertEquals(64, tree.path("data").path("batchSize").asInt());
        assertEquals(100, tree.path("generator").path("latentDim").asInt());
        assertEquals("adam", tree.path("optimizers").path("generator").path("type").asText());
        assertEquals(0.5, tree.path("optimizers").path("discriminator").path("beta1").asDouble());
        assertEquals(3000, tree.path("training").path("iterations").asInt());
    }

    @Test
    void overridesSetAnyPathAndParseJsonValues() {
        Experiment e = reader.read(MINIMAL, List.of("seed=5", "data.batchSize=16", "training.iterations=10",
                "generator={\"type\":\"mlp\",\"hidden\":[32]}", "discriminator.type=mlp"));
        JsonNode tree = reader.toTree(e);
        assertEquals(5, e.seed());
        assertEquals(16, e.data().batchSize());
        assertEquals(10, e.training().iterations());
        assertEquals("mlp", tree.path("generator").path("type").asText());
        assertEquals(32, tree.path("generator").path("hidden").get(0).asInt());
        assertEquals("mlp", tree.path("discriminator").path("type").asText());
    }

    @Test
    void unknownComponentNameListsTheKnownOnes() {
        ConfigException e = fails(MINIMAL.replace("\"generator\": {\"type\": \"dcgan\"}", "\"generator\": {\"type\": \"dcgann\"}"));
        assertEquals("generator.type", e.path());
        assertTrue(e.getMessage().contains("unknown generator type 'dcgann'"), e.getMessage());
        assertTrue(e.getMessage().contains(registry.names(ComponentKind.GENERATOR).toString()), e.getMessage());
    }

    @Test
    void missingTypeListsTheKnownOnes() {
        ConfigException e = fails(MINIMAL.replace("\"strategy\": {\"type\": \"non-saturating\"}", "\"strategy\": {}"));
        assertEquals("strategy.type", e.path());
        assertTrue(e.getMessage().contains("minimax"), e.getMessage());
    }

    /** Optimizers are a closed family declared on their spec, not registry components; their names are listed too. */
    @Test
    void unknownOrMissingOptimizerTypeListsTheOptimizers() {
        ConfigException unknown = failsWith("optimizers.generator={\"type\":\"adamw\"}");
        assertEquals("optimizers.generator.type", unknown.path());
        assertTrue(unknown.getMessage().contains("unknown optimizer type 'adamw'; known optimizer types: [adam, sgd, rmsprop]"),
                unknown.getMessage());
        ConfigException missing = failsWith("optimizers.generator={\"learningRate\":0.001}");
        assertEquals("optimizers.generator.type", missing.path());
        assertTrue(missing.getMessage().contains("choose an optimizer type from [adam, sgd, rmsprop]"), missing.getMessage());
    }

    @Test
    void unknownKeysAreErrorsWithTheirPath() {
        assertEquals("training.iterationz", failsWith("training.iterationz=5").path());
        ConfigException nested = failsWith("generator.latentDimm=5");
        assertEquals("generator.latentDimm", nested.path());
        assertTrue(nested.getMessage().contains("latentDim"), "lists the known keys: " + nested.getMessage());
        assertEquals("colour", failsWith("colour=5").path());
        assertEquals("optimizers.generator.learningRate", failsWith("optimizers.generator={\"type\":\"adam\",\"learningRate\":1}").path());
    }

    @Test
    void wrongTypesAreErrorsWithTheirPath() {
        assertEquals("name", failsWith("name=true").path(), "a boolean is not a name");
        assertEquals("evaluation.metrics", failsWith("evaluation={\"metrics\": [\"fid\", null]}").path());
        assertEquals("training.iterations", failsWith("training.iterations=\"many\"").path());
        assertEquals("training.iterations", failsWith("training.iterations=2.5").path());
        assertEquals("generator.latentDim", failsWith("generator.latentDim=true").path());
        assertEquals("seed", failsWith("seed=[1]").path());
        ConfigException string = failsWith("data.batchSize=\"64\"");
        assertEquals("data.batchSize: expected an integer, found the string \"64\"", string.getMessage());
        assertEquals("training: expected an object, found the list [1]", failsWith("training=[1]").getMessage());
        assertEquals("generator.latentDim: expected an integer, found true", failsWith("generator.latentDim=true").getMessage());
    }

    @Test
    void malformedOverridesAreRefusedNotReadAsStrings() {
        ConfigException list = failsWith("discriminator.channels=[64, 128");
        assertEquals("discriminator.channels", list.path());
        assertTrue(list.getMessage().contains("'[64, 128' is not valid JSON"), list.getMessage());
        assertTrue(failsWith("training.=5").getMessage().contains("a key of the path is empty"));
        assertTrue(failsWith(".seed=5").getMessage().contains("a key of the path is empty"));
        assertEquals("words", reader.read(MINIMAL, List.of("name=words")).name(), "a bare word is a string");
    }

    @Test
    void impossibleValuesNameTheFieldAndTheValue() {
        ConfigException e = failsWith("generator.latentDim=-3");
        assertEquals("generator.latentDim", e.path());
        assertTrue(e.getMessage().contains("must be > 0, found -3"), e.getMessage());
        assertEquals("data.batchSize", failsWith("data.batchSize=0").path());
        assertEquals("optimizers.generator.beta1", failsWith("optimizers.generator={\"type\":\"adam\",\"beta1\":1.5}").path());
        assertEquals("training.checkpointEvery", failsWith("training.checkpointEvery=0").path());
        assertEquals("discriminator.channels", failsWith("discriminator.channels=[64,-1]").path());
        assertEquals("name", failsWith("name=\"a/b\"").path());
    }

    @Test
    void badNamesOfModesAndNestedEncodersNameTheirPath() {
        assertEquals("discriminator.conditioning", failsWith("discriminator.conditioning=\"foo\"").path());
        assertEquals("data.conditions", failsWith("data.conditions=\"words\"").path());
        ConfigException mnistTags = failsWith("data={\"type\": \"idx\", \"dataset\": \"mnist\", \"conditions\": \"tags\"}");
        assertEquals("data.conditions", mnistTags.path());
        assertTrue(mnistTags.getMessage().contains("fashion-mnist dataset only"), mnistTags.getMessage());
        assertEquals("encoder.encoder.cell",
                failsWith("encoder={\"type\": \"conditioning-augmentation\", \"encoder\": {\"type\": \"text-rnn\", \"cell\": \"rnn\"}}").path());
        assertEquals("encoder.encoder", failsWith("encoder={\"type\": \"conditioning-augmentation\"}").path());
        assertEquals("strategy.matchingAware", failsWith("strategy={\"type\": \"hinge\", \"matchingAware\": 1}").path());
    }

    /**
     * G and D each learn with their own optimizer (two time-scale updates, Heusel et al. 2017): one plain SGD step of
     * each network moves its parameters by its own rate times its mean gradient.
     */
    @Test
    void generatorAndDiscriminatorLearnAtTheirOwnRates() {
        Experiment experiment = ExperimentSource.load(reader, "toy-ring", List.of(
                "optimizers.generator={\"type\":\"sgd\",\"lr\":0.3}", "optimizers.discriminator={\"type\":\"sgd\",\"lr\":0.002}"));
        GanModel model = ExperimentAssembly.buildModel(experiment, Shape.vector(2), ConditionSchema.NONE, DataType.DOUBLE);
        int n = 8;
        assertSgdStep(model.generator().network(), Nd4j.rand(DataType.DOUBLE, n, model.generator().latentDim()), 0.3, n);
        assertSgdStep(model.discriminator().network(), Nd4j.rand(DataType.DOUBLE, n, 2), 0.002, n);
    }

    private static void assertSgdStep(TrainableNetwork network, INDArray input, double lr, int n) {
        INDArray before = network.parameters();
        INDArray output = network.forward(input, true);
        network.backward(Nd4j.ones(DataType.DOUBLE, output.shape()));
        INDArray gradient = network.accumulatedGradient();
        network.applyGradients(n);
        INDArray step = before.sub(network.parameters());
        assertTrue(gradient.norm2Number().doubleValue() > 0);
        assertTrue(step.equalsWithEps(gradient.mul(lr / n), 1e-12), "the step is lr " + lr + " times the mean gradient");
    }

    @Test
    void badStrategyValuesNameTheirField() {
        ConfigException smoothing = failsWith("strategy={\"type\": \"hinge\", \"stabilizers\": {\"labelSmoothing\": 0.1}}");
        assertEquals("strategy.stabilizers.labelSmoothing", smoothing.path());
        assertTrue(smoothing.getMessage().contains("not hinge"), smoothing.getMessage());
        assertEquals("strategy.stabilizers.labelSmoothing",
                failsWith("strategy={\"type\": \"least-squares\", \"stabilizers\": {\"labelSmoothing\": 0.2}}").path());
        assertEquals("strategy.stabilizers.labelSmoothing",
                failsWith("strategy={\"type\": \"minimax\", \"stabilizers\": {\"labelSmoothing\": 0.7}}").path());
        assertEquals("strategy.stabilizers.instanceNoise",
                failsWith("strategy={\"type\": \"non-saturating\", \"stabilizers\": {\"instanceNoise\": -1}}").path());
        assertEquals("strategy.penalty.weight",
                failsWith("strategy={\"type\": \"hinge\", \"penalty\": {\"type\": \"r1\", \"weight\": -1}}").path());
        assertEquals("strategy.penalty.every",
                failsWith("strategy={\"type\": \"hinge\", \"penalty\": {\"type\": \"r1\", \"every\": 0}}").path());
        assertEquals("strategy.margin", failsWith("strategy={\"type\": \"error-driven\", \"margin\": 0.5}").path());
        assertEquals("strategy.weightClip", failsWith("strategy={\"type\": \"wasserstein\", \"weightClip\": -0.01}").path());
        assertEquals("strategy.discriminatorSteps",
                failsWith("strategy={\"type\": \"wasserstein\", \"discriminatorSteps\": 0}").path());
    }

    @Test
    void missingSectionsAndBadJsonAreReported() {
        ConfigException missing = fails("{\"name\": \"t\", \"generator\": {\"type\": \"dcgan\"}, \"discriminator\": {\"type\": \"dcgan\"}, \"strategy\": {\"type\": \"minimax\"}}");
        assertEquals("data", missing.path());
        assertTrue(missing.getMessage().contains("required"), missing.getMessage());
        ConfigException syntax = fails("{\"name\": \"t\",, }");
        assertTrue(syntax.getMessage().contains("not valid JSON"), syntax.getMessage());
        ConfigException duplicate = fails(MINIMAL.replace("{\"name\": \"t\",", "{\"name\": \"t\", \"name\": \"u\","));
        assertTrue(duplicate.getMessage().contains("name"), duplicate.getMessage());
        assertThrows(ConfigException.class, () -> reader.read(MINIMAL, List.of("noequals")));
    }

    @Test
    void configFileErrorsNameTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = TestExperiments.write(dir, "bad.json", MINIMAL.replace("\"t\"", "\"t\", \"sed\": 1"));
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(file, List.of()));
        assertEquals("sed", e.path());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        ConfigException absent = assertThrows(ConfigException.class, () -> reader.read(dir.resolve("nope.json"), List.of()));
        assertTrue(absent.getMessage().contains("nope.json"), absent.getMessage());
        ConfigException folder = assertThrows(ConfigException.class, () -> reader.read(dir, List.of()));
        assertTrue(folder.getMessage().contains(dir + " is a directory"), folder.getMessage());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, MINIMAL.replace("\"t\"", "\"caf\u00e9\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ConfigException encoding = assertThrows(ConfigException.class, () -> reader.read(latin1, List.of()));
        assertTrue(encoding.getMessage().contains("not UTF-8"), encoding.getMessage());
    }

    /** What only the assembled model shows (a strategy asking for a D or a batch the experiment lacks) still names its field. */
    @Test
    void strategyChecksOfTheModelNameTheirField() {
        assertEquals("strategy.matchingAware", assembling("toy-ring",
                "strategy={\"type\": \"non-saturating\", \"matchingAware\": true}").path());
        TestExperiments.assumeFashionMnist();
        ConfigException batch = assembling("cgan-fashion-mnist", "strategy.matchingAware=true", "data.batchSize=1");
        assertEquals("data.batchSize", batch.path());
        assertTrue(batch.getMessage().contains("at least 2"), batch.getMessage());
        assertEquals("discriminator", assembling("cgan-fashion-mnist", "strategy={\"type\": \"error-driven\"}").path());
    }

    private ConfigException assembling(String preset, String... overrides) {
        Experiment experiment = reader.read(Presets.json(preset).orElseThrow(), List.of(overrides));
        return assertThrows(ConfigException.class,
                () -> ExperimentAssembly.assemble(experiment, DataContext.system(), DataType.FLOAT));
    }

    private ConfigException failsWith(String override) {
        return assertThrows(ConfigException.class, () -> reader.read(MINIMAL, List.of(override)));
    }

    private ConfigException fails(String json) {
        return assertThrows(ConfigException.class, () -> reader.read(json, List.of()));
    }
}
