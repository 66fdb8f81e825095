package dev.gan4j.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench/toy_sweep.sh}, the script issue 5's loss x regulariser table is reproduced with: its table
 * runs real training and evaluation through the application, logs one row per run, resumes from the log,
 * and its report computes each cell from the logged rows.
 */
class ToySweepScriptTest {
    private static final Path SCRIPT = locateScript();

    @Test
    void tableTrainsEachApplicableCellOnceAndResumesFromItsLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("table.tsv");
        List<String> table = List.of("table", "-n", "1", "--every", "4", "--configs", "toy-ring",
                "--losses", "minimax error-driven", "--regs", "none r1", "--samples", "500",
                "--runs", dir.resolve("runs").toString(), "--log", log.toString(),
                "--set", "training.iterations=40", "--set", "data.size=2000");

        TestExperiments.Result first = run(launcher(dir), table);
        assertEquals(0, first.exitCode(), first.err());
        List<String> rows = Files.readAllLines(log);
        assertEquals(3, rows.size(), "minimax with none and r1, error-driven with none (it takes no penalty): " + rows);
        Map<String, String> expectedStrategy = Map.of(
                "toy-ring-minimax-none", "strategy={\"type\":\"minimax\"}",
                "toy-ring-minimax-r1", "strategy={\"type\":\"minimax\",\"penalty\":{\"type\":\"r1\",\"weight\":0.1,\"every\":4}}",
                "toy-ring-error-driven-none", "strategy={\"type\":\"error-driven\"}");
        for (String row : rows) {
            String[] f = row.split("\t");
            assertEquals(10, f.length, row);
            assertEquals("toy-ring", f[1]);
            assertEquals("1", f[2], "the seed");
            int modes = Integer.parseInt(f[3]);
            assertTrue(modes >= 0 && modes <= 8, row);
            assertEquals("8", f[4], "the modes the real data reaches");
            double hq = Double.parseDouble(f[5]);
            assertTrue(hq >= 0 && hq <= 100, row);
            assertEquals(modes == 8 && hq >= 95 ? "1" : "0", f[8], "met: all modes and 95% HQ on the ring");
            assertEquals("training.iterations=40 data.size=2000 " + expectedStrategy.get(f[0]), f[9], row);
        }
        assertTrue(first.out().contains("| error-driven |") && first.out().contains(" n/a |"), first.out());

        Path failing = dir.resolve("failing-gan");
        Path called = dir.resolve("called");
        Files.writeString(failing, "#!/bin/sh\ntouch '" + called + "'\nexit 1\n");
        makeExecutable(failing);
        TestExperiments.Result resumed = run(failing, table);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertFalse(Files.exists(called), "every cell reused from the log, none trained again");
        assertEquals(rows, Files.readAllLines(log));
        assertTrue(resumed.out().contains(rows.get(0)), resumed.out());
    }

    @Test
    void reportComputesEachCellFromTheFirstSuccessfulRowOfEachSeed(@TempDir Path dir) throws Exception {
        String ov = "training.iterations=10000 strategy={\"type\":\"hinge\"} discriminator.spectralNorm=true";
        Path log = dir.resolve("rows.tsv");
        Files.writeString(log, String.join("\n",
                "# label\tconfig\tseed\tmodes\tof\thq_pct\tmode_kl\ttrain_s\tmet\toverrides",
                row("toy-grid-hinge-sn", 1, "24", "80.00", 0, ov),
                row("toy-grid-hinge-sn", 2, "25", "90.00", 1, ov),
                row("toy-grid-hinge-sn", 1, "3", "1.00", 0, ov),
                row("toy-grid-hinge-sn", 3, "NaN", "NaN", 0, ov),
                row("toy-grid-hinge-sn", 4, "0", "0.00", 0, "training.iterations=500 " + ov),
                row("toy-grid-error-driven-none", 1, "20", "50.00", 0, "strategy={\"type\":\"error-driven\"}"),
                row("toy-grid-least-squares-r1", 1, "NaN", "NaN", 0, "x"),
                ""));

        TestExperiments.Result report = run(SCRIPT, List.of("report", log.toString()));
        assertEquals(0, report.exitCode(), report.err());
        String hingeRow = line(report.out(), "| hinge |");
        assertTrue(hingeRow.contains("| 24.5 +- 0.7; 85.0 +- 7.1%; 1/2; 1 failed |"),
                "seeds 1 and 2 (seed 1's later row and the other protocol ignored), seed 3 failed: " + hingeRow);
        assertTrue(line(report.out(), "| least-squares |").contains("| 1 failed |"), report.out());
        assertEquals("| error-driven | 20.0 +- 0.0; 50.0 +- 0.0%; 0/1 | - | n/a | n/a | n/a |",
                line(report.out(), "| error-driven |"));
        assertTrue(report.err().contains("toy-grid-hinge-sn also has rows with other overrides"), report.err());

        TestExperiments.Result unknown = run(SCRIPT, List.of("table", "--losses", "softmax"));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown loss softmax (valid: minimax non-saturating least-squares hinge"
                + " wasserstein error-driven)"), unknown.err());
        TestExperiments.Result notANumber = run(SCRIPT, List.of("-n", "ten", "toy-ring"));
        assertEquals(2, notANumber.exitCode());
        assertTrue(notANumber.err().startsWith("toy_sweep: -n must be a positive integer, found 'ten'"), notANumber.err());
        TestExperiments.Result noValue = run(SCRIPT, List.of("toy-ring", "--log"));
        assertEquals(2, noValue.exitCode());
        assertTrue(noValue.err().startsWith("toy_sweep: --log needs a value"), noValue.err());
    }

    private static String row(String label, int seed, String modes, String hq, int met, String overrides) {
        return String.join("\t", label, "toy-grid", Integer.toString(seed), modes, "25", hq, "0.1", "100",
                Integer.toString(met), overrides);
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start + " in\n" + text));
    }

    /** A stand-in for {@code ./gan} that runs the application from this test's class path, with the launcher's JVM options. */
    private static Path launcher(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = dir.resolve("gan");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -Xmx512m -Xmn32m -Dorg.bytedeco.javacpp.maxbytes=1g"
                + " -Dorg.bytedeco.javacpp.maxphysicalbytes=3g -XX:-UseSuperWord -cp \"$TEST_CLASSPATH\" "
                + GanCommand.class.getName() + " \"$@\"\n");
        makeExecutable(launcher);
        return launcher;
    }

    private static void makeExecutable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private static TestExperiments.Result run(Path gan, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPT.getParent().getParent().toFile());
        builder.environment().put("GAN", gan.toString());
        builder.environment().put("TEST_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("OMP_NUM_THREADS", "1");
        Path out = Files.createTempFile("toy-sweep", ".out");
        Path err = Files.createTempFile("toy-sweep", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("toy_sweep.sh " + args + " did not finish in 5 minutes");
            }
            return new TestExperiments.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path locateScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("bench/toy_sweep.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("bench/toy_sweep.sh not found above " + Path.of("").toAbsolutePath());
    }
}
