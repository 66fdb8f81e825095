package dev.gan4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gan4j.core.io.NpyWriter;
import dev.gan4j.core.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the commands say about damaged runs, damaged checkpoints and unusable input: the file, what is wrong, the exit code. */
class CommandErrorsTest {
    private static final String NL = System.lineSeparator();
    private static final String HINT = "(set GAN_DEBUG=1 for the stack trace)";

    /** A 4-step toy-ring run with its checkpoint at step-4. */
    private static Path train(Path dir) {
        Path run = dir.resolve("ring");
        TestExperiments.Result trained = TestExperiments.run("train", "toy-ring", "--run-dir", run.toString(),
                "--set", "training.iterations=4", "--set", "data.size=500");
        assertEquals(0, trained.exitCode(), trained.err());
        return run;
    }

    private static TestExperiments.Result sample(Path source, Path dir) {
        return TestExperiments.run("sample", source.toString(), "--n", "10", "--out", dir.resolve("out.npy").toString());
    }

    /** Sampling a run whose newest checkpoint is damaged warns and uses the one before; naming it still fails. */
    @Test
    void samplingARunPassesOverADamagedNewestCheckpoint(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("ring");
        assertEquals(0, TestExperiments.run("train", "toy-ring", "--run-dir", run.toString(), "--set", "training.iterations=4",
                "--set", "training.checkpointEvery=2", "--set", "data.size=500").exitCode());
        Path newest = run.resolve("checkpoints/step-4/generator.bin");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length - 1] ^= 1;
        Files.write(newest, bytes);

        TestExperiments.Result sampled = sample(run, dir);
        assertEquals(0, sampled.exitCode(), sampled.err());
        assertTrue(sampled.err().startsWith("warning: skipping checkpoint step-4: ") && sampled.out().contains("step-2"),
                sampled.err() + sampled.out());
        TestExperiments.Result named = sample(run.resolve("checkpoints/step-4"), dir);
        assertEquals(1, named.exitCode());
        assertTrue(named.err().contains("generator.bin"), named.err());
    }

    /** Options that cannot go together or are out of range exit with 2, as picocli's own parse errors do, and no hint. */
    @Test
    void misusedOptionsAreUsageErrors(@TempDir Path dir) {
        Path run = train(dir);
        Path out = dir.resolve("out.npy");
        List<List<String>> misuses = List.of(
                List.of("evaluate"),
                List.of("evaluate", run.toString(), "--config", "toy-ring"),
                List.of("evaluate", "--samples", out.toString(), "--n", "10"),
                List.of("sample", run.toString(), "--n", "0", "--out", out.toString()),
                List.of("sample", run.toString(), "--n", "4", "--label", "1", "--out", out.toString()),
                List.of("bench", "toy-ring", "--iters", "0"),
                List.of("judge", "train", "--epochs", "0", "--out", dir.resolve("unused.judge").toString()),
                List.of("judge", "train", "--dataset", "cifar10", "--out", dir.resolve("unused.judge").toString()),
                List.of("download", "cifar10", "--dir", dir.resolve("unused").toString()));
        for (List<String> args : misuses) {
            TestExperiments.Result result = TestExperiments.run(args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), args + ": " + result.err());
            assertTrue(result.err().startsWith("error: ") && !result.err().contains(HINT), args + ": " + result.err());
        }
        assertFalse(Files.exists(out));
    }

    /** Every command that computes takes {@code --threads}, and checks it before any work. */
    @Test
    void everyComputingCommandChecksItsThreadCount(@TempDir Path dir) {
        Path run = train(dir);
        Path out = dir.resolve("out.npy");
        List<List<String>> commands = List.of(
                List.of("train", "toy-ring", "--run-dir", dir.resolve("unused").toString()),
                List.of("bench", "toy-ring"),
                List.of("sample", run.toString(), "--n", "4", "--out", out.toString()),
                List.of("evaluate", run.toString()),
                List.of("judge", "train", "--out", dir.resolve("unused.judge").toString()));
        for (List<String> command : commands) {
            String[] args = Stream.concat(command.stream(), Stream.of("--threads", "0"))
                    .toArray(String[]::new);
            TestExperiments.Result result = TestExperiments.run(args);
            assertEquals(2, result.exitCode(), command + ": " + result.err());
            assertEquals("error: --threads must be > 0, found 0" + NL, result.err(), command.toString());
        }
        assertFalse(Files.exists(out) || Files.exists(dir.resolve("unused")) || Files.exists(dir.resolve("unused.judge")));
    }

    @Test
    void resumingARunWithoutItsConfigJsonUsesTheCheckpointsConfig(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path config = run.resolve("config.json");
        String written = Files.readString(config);
        Files.delete(config);
        TestExperiments.Result resumed = TestExperiments.run("train", "--resume", "--run-dir", run.toString(),
                "--set", "training.iterations=6");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains(config + " is missing; using the config of " + run.resolve("checkpoints/step-4"))
                && resumed.out().contains("last checkpoint: " + run.resolve("checkpoints/step-6")), resumed.out());
        assertEquals(written.replace("\"iterations\" : 4", "\"iterations\" : 6"), Files.readString(config));

        Path empty = Files.createDirectory(dir.resolve("empty"));
        TestExperiments.Result nothing = TestExperiments.run("train", "--resume", "--run-dir", empty.toString());
        assertEquals(1, nothing.exitCode());
        assertEquals("error: " + empty + " has no config.json and no checkpoint to resume; to start a run there, leave out --resume"
                + NL, nothing.err());
    }

    @Test
    void aCheckpointWhoseConfigIsNotJsonIsCorrupt(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path config = run.resolve("checkpoints/step-4/config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"seed\" : 1,", "\"seed\" : 1"));
        TestExperiments.Result result = sample(run, dir);
        assertEquals(1, result.exitCode(), result.err());
        assertEquals("error: checkpoint file " + config + " is corrupt: not valid JSON: Unexpected character ('\"' (code 34)): "
                + "was expecting comma to separate Object entries at line 5, column 3" + NL, result.err());
    }

    @Test
    void aCheckpointConfigThisVersionCannotReadNamesTheFile(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path config = run.resolve("checkpoints/step-4/config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"type\" : \"mlp\"", "\"type\" : \"no-such-net\""));
        TestExperiments.Result result = sample(run, dir);
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: checkpoint file " + config + " holds a config this version cannot read: "
                + "generator.type: unknown generator type 'no-such-net'"), result.err());
    }

    @Test
    void aCheckpointWithoutItsManifestIsIncomplete(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path checkpoint = run.resolve("checkpoints/step-4");
        Files.delete(checkpoint.resolve("state.json"));
        TestExperiments.Result direct = sample(checkpoint, dir);
        assertEquals(1, direct.exitCode());
        assertEquals("error: checkpoint " + checkpoint + " is incomplete: state.json is missing" + NL, direct.err());
        TestExperiments.Result viaRun = sample(run, dir);
        assertEquals(1, viaRun.exitCode());
        assertEquals("error: checkpoint " + checkpoint + " is incomplete: state.json is missing" + NL, viaRun.err(),
                "the run's only checkpoint says what it lacks");
    }

    @Test
    void aManifestWithoutTheDataShapeNamesTheField(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path state = run.resolve("checkpoints/step-4/state.json");
        ObjectMapper mapper = TestExperiments.registry().mapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(state.toFile());
        tree.remove("dataShape");
        Files.writeString(state, mapper.writeValueAsString(tree));
        TestExperiments.Result result = sample(run, dir);
        assertEquals(1, result.exitCode());
        assertEquals("error: checkpoint file " + state + " is corrupt: it has no dataShape" + NL, result.err());
    }

    @Test
    void aNetworkStateThatIsNotOneSaysSo(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path generator = run.resolve("checkpoints/step-4/generator.bin");
        byte[] saved = Files.readAllBytes(generator);

        byte[] garbageBody = saved.clone();
        for (int i = 21; i < garbageBody.length; i++) {
            garbageBody[i] = (byte) (i * 31);
        }
        replaceKeepingTheChecksumValid(generator, garbageBody);
        TestExperiments.Result body = sample(run, dir);
        assertEquals(1, body.exitCode());
        assertTrue(body.err().startsWith("error: cannot restore generator from " + generator + ": truncated or corrupt")
                && !body.err().contains(HINT), body.err());

        byte[] random = new byte[saved.length];
        new java.util.Random(3).nextBytes(random);
        random[0] = 0x13;
        replaceKeepingTheChecksumValid(generator, random);
        TestExperiments.Result notOne = sample(run, dir);
        assertEquals(1, notOne.exitCode());
        assertTrue(notOne.err().startsWith("error: cannot restore generator from " + generator + ": not a gan4j network state")
                && notOne.err().contains("the file is corrupt, or the config does not match the checkpoint"), notOne.err());
    }

    private static void replaceKeepingTheChecksumValid(Path file, byte[] bytes) throws IOException {
        String before = Sha256.of(file);
        Files.write(file, bytes);
        Path state = file.resolveSibling("state.json");
        Files.writeString(state, Files.readString(state).replace(before, Sha256.of(file)));
    }

    @Test
    void evaluateAppendsAfterACutOffLineAndTheReportSkipsIt(@TempDir Path dir) throws Exception {
        Path run = train(dir);
        Path metrics = run.resolve("metrics.jsonl");
        Files.writeString(metrics, "{\"step\":6,\"d_lo", StandardOpenOption.APPEND);
        String note = "note: skipped line 2 of " + metrics + ", not valid JSON (Unexpected end-of-input in field name): "
                + "a run killed while writing a line leaves it cut off" + NL;

        TestExperiments.Result evaluated = TestExperiments.run("evaluate", run.toString(), "--metrics", "modes", "--n", "50");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        List<String> lines = Files.readAllLines(metrics);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("{\"step\":6,\"d_lo", lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"step\":4,\"eval_samples\":50"), lines.get(2));
        assertEquals(note, evaluated.err());

        Files.delete(run.resolve("report.html"));
        TestExperiments.Result report = TestExperiments.run("report", run.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertEquals(note, report.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("modes_captured"));
    }

    /** Samples from elsewhere with values gan4j never produces are refused, naming the file. */
    @Test
    void samplesOutsideWhatAGeneratorWritesAreRefused(@TempDir Path dir) throws Exception {
        Path bytes = dir.resolve("bytes.npy");
        NpyWriter.write(bytes, org.nd4j.linalg.factory.Nd4j.linspace(0, 255, 2 * 784, DataType.FLOAT).reshape(2, 1, 28, 28));
        TestExperiments.Result images = TestExperiments.run("evaluate", "--samples", bytes.toString());
        assertEquals(1, images.exitCode());
        assertTrue(images.err().startsWith("error: " + bytes + " holds values from 0.0 to 255.0"), images.err());

        Path nan = dir.resolve("nan.npy");
        NpyWriter.write(nan, org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {{0, 1}, {Float.NaN, 0}}));
        TestExperiments.Result modes = TestExperiments.run("evaluate", "--samples", nan.toString(), "--config", "toy-ring",
                "--metrics", "modes");
        assertEquals(1, modes.exitCode());
        assertEquals("error: " + nan + " holds NaN or infinite values" + NL, modes.err());
    }

    @Test
    void aSamplesFileWithoutSamplesIsNamed(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.npy");
        new NpyWriter(empty, DataType.FLOAT, 0, 2).close();
        TestExperiments.Result modes = TestExperiments.run("evaluate", "--samples", empty.toString(), "--config", "toy-ring");
        assertEquals(1, modes.exitCode());
        assertEquals("error: " + empty + " holds 0 samples; 'modes' needs at least 1" + NL, modes.err(),
                "2-D points of a mixture default to modes");
        TestExperiments.Result judged = TestExperiments.run("evaluate", "--samples", empty.toString(), "--config", "toy-ring",
                "--metrics", "fid");
        assertEquals(1, judged.exitCode());
        assertEquals("error: " + empty + " holds 0 samples; the metrics need at least 2" + NL, judged.err());
    }

    @Test
    void theStackTraceHintIsOnlyForFailuresNobodyAnticipated() {
        TestExperiments.Result usage = TestExperiments.run("evaluate", "--config", "toy-ring");
        assertEquals("error: give either RUN_DIR or --samples FILE.npy" + NL, usage.err());

        assertTrue(GanCommand.deliberate(new IllegalArgumentException("--n must be > 0")));
        assertTrue(GanCommand.deliberate(new UncheckedIOException("cannot write x", new IOException("disk full"))));
        assertFalse(GanCommand.deliberate(new IllegalStateException()), "no message");
        int zero = 0;
        assertFalse(GanCommand.deliberate(assertThrows(ArithmeticException.class, () -> System.out.println(1 / zero))));
        assertFalse(GanCommand.deliberate(assertThrows(NumberFormatException.class, () -> Long.parseLong("9".repeat(20)))),
                "raised inside the JDK");
        assertFalse(GanCommand.deliberate(new NullPointerException("x is null")));
    }

    @Test
    void printedMessagesCarryNoJacksonLocationsAndNoRepeatedCause() {
        JsonProcessingException json = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readTree("{\"format\": 1, \"netw"));
        assertEquals("cannot read x: not valid JSON: Unexpected end-of-input in field name at line 1, column 20",
                GanCommand.message(new IllegalStateException("cannot read x: " + json.getMessage(), json)));
        assertEquals("not valid JSON: Unexpected end-of-input in field name at line 1, column 20: whatever",
                GanCommand.message(new UncheckedIOException(json.getMessage() + ": whatever", json)));
        assertEquals("judge file j is truncated",
                GanCommand.message(new UncheckedIOException("judge file j is truncated", new IOException("judge file j is truncated"))));
    }
}
