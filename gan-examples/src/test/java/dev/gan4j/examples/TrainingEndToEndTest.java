package dev.gan4j.examples;

import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.train.Checkpoints;
import dev.gan4j.core.train.DivergenceException;
import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.core.train.TrainingListener;
import dev.gan4j.core.train.TrainingRun;
import dev.gan4j.core.train.TrainingSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short real trainings on Fashion-MNIST: the run directory, checkpoints, resume, divergence and sampling. */
class TrainingEndToEndTest {
    private final ExperimentReader reader = new ExperimentReader(TestExperiments.registry());

    @BeforeEach
    void data() {
        TestExperiments.assumeFashionMnist();
    }

    @Test
    void commandLineTrainsSamplesAndWritesTheRunDirectory(@TempDir Path dir) throws Exception {
        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("small", 6, 4));
        Path run = dir.resolve("run");
        TestExperiments.Result train = TestExperiments.run("train", config.toString(), "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("step 6/6"), train.out());

        RunDirectory files = new RunDirectory(run);
        assertTrue(Files.isRegularFile(files.config()));
        assertEquals(6, reader.read(files.config(), List.of()).training().iterations());
        List<String> metrics = Files.readAllLines(files.metrics());
        assertEquals(3, metrics.size(), metrics.toString());
        assertTrue(metrics.get(2).contains("\"step\":6") && metrics.get(2).contains("\"d_loss\""), metrics.get(2));
        assertTrue(Files.isRegularFile(files.sampleGrid(4)));
        assertTrue(Files.isRegularFile(files.sampleGrid(6)));
        for (String step : List.of("step-4", "step-6")) {
            Path checkpoint = files.checkpoints().resolve(step);
            for (String file : List.of("state.json", "config.json", "generator.bin", "discriminator.bin")) {
                assertTrue(Files.isRegularFile(checkpoint.resolve(file)), checkpoint.resolve(file).toString());
            }
        }
        try (var entries = Files.list(files.checkpoints())) {
            assertEquals(2, entries.count(), "no temporary checkpoint directories are left behind");
        }

        Path npy = dir.resolve("samples.npy");
        Path grid = dir.resolve("grid.png");
        TestExperiments.Result sample = TestExperiments.run("sample", run.toString(), "--n", "1200", "--out", npy.toString(),
                "--grid", grid.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        float[] first = assertNpyFloats(npy, "(1200, 1, 28, 28)", 1200 * 784);
        Path again = dir.resolve("again.npy");
        assertEquals(0, TestExperiments.run("sample", run.toString(), "--n", "1200", "--out", again.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(npy), Files.readAllBytes(again), "the same seed gives the same samples");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(grid.toFile());
        for (int y = 0; y < 28; y += 3) {
            for (int x = 0; x < 28; x += 3) {
                int expected = Math.max(0, Math.min(255, Math.round((first[y * 28 + x] + 1f) * 127.5f)));
                assertEquals(expected, image.getRGB(2 + 2 * x, 2 + 2 * y) & 0xff, "grid shows the first sample at " + x + "," + y);
            }
        }
    }

    @Test
    void resumedRunMatchesAnUninterruptedOne(@TempDir Path dir) throws Exception {
        List<String> ema = List.of("training.ema={\"decay\": 0.5}");
        Experiment full = reader.read(TestExperiments.smallDcgan("resume", 8, 4), ema);
        Recorder uninterrupted = new Recorder();
        session().optListener(uninterrupted).train(full, dir.resolve("a"), false);

        Experiment firstHalf = reader.read(TestExperiments.smallDcgan("resume", 4, 4), ema);
        session().train(firstHalf, dir.resolve("b"), false);
        Recorder resumed = new Recorder();
        session().optListener(resumed).train(full, dir.resolve("b"), true);

        assertEquals(List.of(5L, 6L, 7L, 8L), new ArrayList<>(resumed.values.keySet()));
        for (long step = 5; step <= 8; step++) {
            assertEquals(uninterrupted.values.get(step), resumed.values.get(step), "values at step " + step);
        }
        assertArrayEquals(uninterrupted.finalGenerator.toFloatVector(), resumed.finalGenerator.toFloatVector());
        assertArrayEquals(uninterrupted.finalAverage.toFloatVector(), resumed.finalAverage.toFloatVector(),
                "the weight average is checkpointed and resumed");
        assertNotEquals(uninterrupted.finalGenerator, uninterrupted.finalAverage);
        assertTrue(Files.isRegularFile(dir.resolve("b/checkpoints/step-8/generator-ema.bin")));

        Path averaged = dir.resolve("averaged.npy");
        Path raw = dir.resolve("raw.npy");
        assertEquals(0, TestExperiments.run("sample", dir.resolve("b").toString(), "--n", "4", "--out", averaged.toString()).exitCode());
        assertEquals(0, TestExperiments.run("sample", dir.resolve("b").toString(), "--n", "4", "--out", raw.toString(),
                "--raw-weights").exitCode());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(averaged), Files.readAllBytes(raw)),
                "gan sample uses the average unless --raw-weights");
        List<String> metrics = lines(new RunDirectory(dir.resolve("b")).metrics());
        assertEquals(lines(new RunDirectory(dir.resolve("a")).metrics()).size(), metrics.size(), "no duplicated metric lines");
    }

    /** A run killed between checkpoints had logged steps its resume repeats: their lines are cut, not doubled. */
    @Test
    void resumingAfterACrashCutsTheMetricLinesOfTheLostSteps(@TempDir Path dir) throws Exception {
        Experiment full = reader.read(TestExperiments.smallDcgan("crash", 8, 4), List.of());
        session().train(full, dir.resolve("a"), false);
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onStep(TrainingRun run, long completed, Map<String, Double> values) {
                if (completed == 6) {
                    throw new IllegalStateException("killed at step 6");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> session().optListener(killer).train(full, dir.resolve("b"), false));
        List<Long> beforeResume = loggedSteps(dir.resolve("b"));
        assertEquals(List.of(2L, 4L, 6L), beforeResume, "step 6 was logged, then lost with the process");

        session().train(full, dir.resolve("b"), true);
        assertEquals(loggedSteps(dir.resolve("a")), loggedSteps(dir.resolve("b")));
    }

    /** Batches are drawn by a permutation of the examples: data that changed under the same config cannot continue a run. */
    @Test
    void resumingOnDataOfAnotherSizeIsRefused(@TempDir Path dir) throws Exception {
        Experiment ring = reader.read(Presets.json("toy-ring").orElseThrow(), List.of("training.iterations=2", "data.size=500"));
        Path run = dir.resolve("run");
        session().train(ring, run, false);
        Path state = run.resolve("checkpoints/step-2/state.json");
        assertTrue(Files.readString(state).contains("\"dataSize\" : 500"), Files.readString(state));
        Files.writeString(state, Files.readString(state).replace("\"dataSize\" : 500", "\"dataSize\" : 400"));
        ConfigException refused = assertThrows(ConfigException.class,
                () -> session().train(reader.read(run.resolve("config.json"), List.of("training.iterations=4")), run, true));
        assertEquals("data", refused.path());
        assertTrue(refused.getMessage().contains("now holds 500 examples") && refused.getMessage().contains("trained on 400"),
                refused.getMessage());
    }

    private static List<Long> loggedSteps(Path run) throws Exception {
        java.util.regex.Pattern step = java.util.regex.Pattern.compile("^\\{\"step\":(\\d+)");
        List<Long> steps = new ArrayList<>();
        for (String line : lines(new RunDirectory(run).metrics())) {
            java.util.regex.Matcher m = step.matcher(line);
            if (m.find()) {
                steps.add(Long.parseLong(m.group(1)));
            }
        }
        return steps;
    }

    @Test
    void anExistingRunIsNeverOverwrittenAndResumeRefusesAnotherArchitecture(@TempDir Path dir) {
        Experiment small = reader.read(TestExperiments.smallDcgan("guard", 2, 2), List.of());
        session().train(small, dir.resolve("run"), false);
        IllegalStateException exists = assertThrows(IllegalStateException.class,
                () -> session().train(small, dir.resolve("run"), false));
        assertTrue(exists.getMessage().contains("--resume"), exists.getMessage());
        Experiment other = reader.read(TestExperiments.smallDcgan("guard", 4, 2), List.of("generator.latentDim=8"));
        ConfigException changed = assertThrows(ConfigException.class, () -> session().train(other, dir.resolve("run"), true));
        assertEquals("generator", changed.path());
        ConfigException done = assertThrows(ConfigException.class, () -> session().train(small, dir.resolve("run"), true));
        assertEquals("training.iterations", done.path());
        assertTrue(done.getMessage().contains("already at step 2"), done.getMessage());
        IllegalStateException nothing = assertThrows(IllegalStateException.class,
                () -> session().train(small, dir.resolve("empty"), true));
        assertTrue(nothing.getMessage().contains("no checkpoint"), nothing.getMessage());
    }

    @Test
    void aCheckpointWrittenBeforeNewDefaultsExistedStillResumes(@TempDir Path dir) throws Exception {
        Experiment small = reader.read(TestExperiments.smallDcgan("older", 2, 2), List.of());
        session().train(small, dir.resolve("run"), false);
        Path saved = dir.resolve("run/checkpoints/step-2/config.json");
        com.fasterxml.jackson.databind.node.ObjectNode config =
                (com.fasterxml.jackson.databind.node.ObjectNode) TestExperiments.registry().mapper().readTree(saved.toFile());
        config.putObject("strategy").put("type", "non-saturating");
        config.remove("optimizers");
        Files.writeString(saved, config.toString());
        Path last = session().train(reader.read(TestExperiments.smallDcgan("older", 4, 2), List.of()), dir.resolve("run"), true);
        assertTrue(last.endsWith("step-4"), last.toString());
    }

    @Test
    void divergenceStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        Experiment diverging = reader.read(TestExperiments.smallDcgan("nan", 10, 4), List.of("strategy={\"type\":\"test-diverge\",\"at\":5}"));
        DivergenceException e = assertThrows(DivergenceException.class, () -> session().train(diverging, dir.resolve("run"), false));
        assertEquals(5, e.step());
        assertTrue(e.getMessage().contains("g_loss = NaN") && e.getMessage().contains("step-4"), e.getMessage());
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        assertEquals(4, Checkpoints.stepOf(Checkpoints.latest(run).orElseThrow()));
        Checkpoints.read(Checkpoints.latest(run).orElseThrow(), TestExperiments.registry().mapper());
    }

    @Test
    void corruptOrMissingCheckpointsGiveClearErrors(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        session().train(reader.read(TestExperiments.smallDcgan("corrupt", 2, 2), List.of()), run, false);
        Path generator = run.resolve("checkpoints/step-2/generator.bin");
        byte[] bytes = Files.readAllBytes(generator);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(generator, bytes);
        TestExperiments.Result result = TestExperiments.run("sample", run.toString(), "--n", "10", "--out", dir.resolve("x.npy").toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("generator.bin is corrupt"), result.err());
        assertFalse(Files.exists(dir.resolve("x.npy")));

        TestExperiments.Result missing = TestExperiments.run("sample", dir.resolve("nowhere").toString(), "--n", "10", "--out", "x.npy");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nowhere"), missing.err());
    }

    @Test
    void badConfigsAndMissingDataFailWithTheirPath(@TempDir Path dir) throws Exception {
        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("bad", 2, 2));
        TestExperiments.Result unknown = TestExperiments.run("validate", config.toString(), "--set", "generator.type=gan");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("generator.type: unknown generator type 'gan'; known generator types: [dcgan, mlp, resnet, srresnet]"), unknown.err());

        Path missingFile = dir.resolve("absent-images-idx3-ubyte.gz");
        TestExperiments.Result missing = TestExperiments.run("train", config.toString(), "--run-dir", dir.resolve("r").toString(),
                "--set", "data={\"type\":\"idx\",\"images\":\"" + missingFile + "\"}");
        assertEquals(2, missing.exitCode(), missing.out());
        assertTrue(missing.err().contains("data") && missing.err().contains(missingFile.toString()), missing.err());
        assertFalse(Files.exists(dir.resolve("r").resolve("checkpoints")));

        Path corrupt = dir.resolve("corrupt-images-idx3-ubyte");
        Files.write(corrupt, new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
        TestExperiments.Result truncated = TestExperiments.run("validate", config.toString(),
                "--set", "data={\"type\":\"idx\",\"images\":\"" + corrupt + "\"}");
        assertEquals(2, truncated.exitCode(), truncated.out());
        assertTrue(truncated.err().contains(corrupt.toString()), truncated.err());

        TestExperiments.Result ok = TestExperiments.run("validate", config.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("ok"), ok.out());
    }

    /**
     * A gradient penalty differentiates D by finite differences of nearby passes, which batch statistics and
     * dropout masks drawn anew would spoil: validate refuses both, naming the penalty field.
     */
    @Test
    void penaltiesRefuseDiscriminatorsTheyCannotDifferentiate(@TempDir Path dir) throws Exception {
        TestExperiments.Result dropout = TestExperiments.run("validate", "toy-ring", "--set", "discriminator={\"type\":\"dropout-mlp\"}");
        assertEquals(2, dropout.exitCode(), dropout.out());
        assertTrue(dropout.err().contains("strategy.penalty") && dropout.err().contains("dropout"), dropout.err());
        TestExperiments.Result unpenalised = TestExperiments.run("validate", "toy-ring", "--set", "discriminator={\"type\":\"dropout-mlp\"}",
                "--set", "strategy={\"type\":\"non-saturating\"}");
        assertEquals(0, unpenalised.exitCode(), unpenalised.err());
        TestExperiments.Result keepsAll = TestExperiments.run("validate", "toy-ring", "--set",
                "discriminator={\"type\":\"dropout-mlp\",\"keep\":1.0}");
        assertEquals(0, keepsAll.exitCode(), "dropout that keeps every unit draws nothing: " + keepsAll.err());

        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("bn", 2, 2));
        TestExperiments.Result batchNorm = TestExperiments.run("validate", config.toString(),
                "--set", "strategy={\"type\":\"hinge\",\"penalty\":{\"type\":\"r1\"}}");
        assertEquals(2, batchNorm.exitCode(), batchNorm.out());
        assertTrue(batchNorm.err().contains("strategy.penalty") && batchNorm.err().contains("batch normalization"), batchNorm.err());
    }

    /** The evaluation section is checked before training: its metric names and its judge file. */
    @Test
    void validateChecksTheEvaluationSection(@TempDir Path dir) throws Exception {
        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("eval", 2, 2));
        Path judge = dir.resolve("absent.judge");
        TestExperiments.Result unknown = TestExperiments.run("validate", config.toString(),
                "--set", "evaluation={\"metrics\":[\"fid\",\"bogus\"],\"judge\":\"" + judge + "\"}");
        assertEquals(2, unknown.exitCode(), unknown.out());
        assertTrue(unknown.err().contains("evaluation.metrics") && unknown.err().contains("unknown metric 'bogus'")
                && unknown.err().contains("fid, kid"), unknown.err());
        assertFalse(unknown.out().contains("ok"), "nothing is declared ok before the whole config is checked: " + unknown.out());

        TestExperiments.Result modes = TestExperiments.run("validate", config.toString(),
                "--set", "evaluation={\"metrics\":[\"modes\"]}");
        assertEquals(2, modes.exitCode(), modes.out());
        assertTrue(modes.err().contains("evaluation.metrics") && modes.err().contains("--metrics modes"), modes.err());

        TestExperiments.Result noJudge = TestExperiments.run("validate", config.toString(),
                "--set", "evaluation={\"metrics\":[\"fid\"],\"judge\":\"" + judge + "\"}");
        assertEquals(2, noJudge.exitCode(), noJudge.out());
        assertTrue(noJudge.err().startsWith("error: evaluation.judge: no judge at " + judge), noJudge.err());

        TestExperiments.Result points = TestExperiments.run("validate", "toy-ring", "--set", "evaluation={\"metrics\":[\"fid\"]}");
        assertEquals(2, points.exitCode(), points.out());
        assertTrue(points.err().contains("evaluation.metrics") && points.err().contains("judge of images")
                && points.err().contains("--metrics modes"), points.err());
    }

    @Test
    void listingCommandsShowComponentsAndPresets() {
        TestExperiments.Result components = TestExperiments.run("components");
        assertEquals(0, components.exitCode());
        assertTrue(components.out().contains("dropout-mlp") && components.out().contains("gan-example-plugin"), components.out());
        TestExperiments.Result presets = TestExperiments.run("presets");
        assertTrue(presets.out().contains("dcgan-fashion-mnist") && presets.out().contains("(default)"), presets.out());
    }

    private TrainingSession session() {
        return new TrainingSession(TestExperiments.registry(), DataContext.system(),
                new PrintStream(OutputStream.nullOutputStream()), false);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Checks an NPY file of float32 samples in [-1, 1] and returns the values of its first 784. */
    private static float[] assertNpyFloats(Path file, String shape, long count) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': " + shape), header);
        assertEquals(0, (10 + headerLength) % 64, "header aligned to 64 bytes");
        assertEquals(10 + headerLength + count * 4, bytes.length);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, (int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float[] first = new float[784];
        for (long i = 0; i < count; i++) {
            float v = data.getFloat();
            if (i < first.length) {
                first[(int) i] = v;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= -1 && max <= 1 && max > min, "samples in [-1, 1], found [" + min + ", " + max + "]");
        return first;
    }

    /** Records each step's values and the generator's final parameters. */
    private static final class Recorder implements TrainingListener {
        final Map<Long, Map<String, Double>> values = new TreeMap<>();
        INDArray finalGenerator;
        INDArray finalAverage;

        @Override
        public void onStep(TrainingRun run, long completed, Map<String, Double> stepValues) {
            values.put(completed, Map.copyOf(stepValues));
        }

        @Override
        public void onEnd(TrainingRun run, long completed) {
            finalGenerator = run.model().generator().network().parameters();
            finalAverage = run.model().averaged() == null ? null : run.model().averaged().network().parameters();
        }
    }
}
