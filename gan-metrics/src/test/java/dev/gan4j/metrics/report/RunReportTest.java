package dev.gan4j.metrics.report;

import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.train.RunDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** A run directory as training and evaluation leave it: config, metric lines, two sample grids. */
    private static RunDirectory run(Path dir) throws IOException {
        RunDirectory run = new RunDirectory(Files.createDirectories(dir));
        Files.writeString(run.config(), "{\"name\":\"r<1>\",\"description\":\"a & b\",\"seed\":3}");
        List<String> lines = new ArrayList<>();
        for (int step = 2; step <= 10; step += 2) {
            lines.add("{\"step\":" + step + ",\"time\":1.0,\"d_loss\":" + (1.0 / step) + ",\"g_loss\":" + (0.5 + step / 10.0)
                    + ",\"d_real\":0.8,\"d_fake\":0.2,\"it_per_s\":10.0,\"images_per_s\":640.0}");
            if (step % 4 == 2) {
                lines.add("{\"step\":" + step + ",\"eval_samples\":300,\"eval_seed\":0,\"fid\":" + (20.0 / step)
                        + ",\"precision\":0.5,\"recall\":0.6,\"class_kl\":0.1,\"class_min_share\":0.05,\"conditional_accuracy\":0.7}");
            }
        }
        Files.write(run.metrics(), lines, StandardCharsets.UTF_8);
        ImageGrid.write(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8).muli(2).subi(1), 2, run.sampleGrid(4));
        ImageGrid.write(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8).muli(2).subi(1), 2, run.sampleGrid(10));
        return run;
    }

    @Test
    void writesOneSelfContainedPage(@TempDir Path dir) throws IOException {
        Path file = new RunReport(run(dir)).write();
        String html = Files.readString(file);
        assertEquals(dir.resolve("report.html"), file);
        assertTrue(html.contains("<h1>r&lt;1&gt;</h1>") && html.contains("a &amp; b"), "escaped name and description");
        assertEquals(3 + 4 + 2, count(html, "src=\"data:image/png;base64,"),
                "3 training charts, 4 evaluation charts (fid, precision/recall, classes, conditional accuracy), 2 grids");
        assertFalse(html.contains("src=\"http") || html.contains("src=\"file"), "no external resources");
        assertTrue(html.contains("<th>eval fid</th><td>2.0000</td>"), "final evaluation numbers");
        assertTrue(html.indexOf("step 4</figcaption>") < html.indexOf("step 10</figcaption>"), "grids in step order");
    }

    /** Evaluations of a model whose data has tag groups chart the accuracy of each group over training. */
    @Test
    void tagAccuracyPerGroupGetsAChartOfItsOwn(@TempDir Path dir) throws IOException {
        RunDirectory run = run(dir);
        Files.writeString(run.metrics(), "{\"step\":12,\"eval_samples\":300,\"eval_seed\":0,\"fid\":1.0,"
                + "\"tag_accuracy_hair_colour\":0.8,\"tag_accuracy_glasses\":0.9,\"tag_accuracy_all\":0.7}" + System.lineSeparator(),
                StandardOpenOption.APPEND);
        String html = Files.readString(new RunReport(run).write());
        assertEquals(3 + 5 + 2, count(html, "src=\"data:image/png;base64,"), "the four evaluation charts and the tag groups'");
        assertTrue(html.contains("alt=\"tag_accuracy_hair_colour, tag_accuracy_glasses, tag_accuracy_all\""), "one chart, every group");
    }

    /** An evaluation of an older checkpoint, appended after training, neither bends the curves back nor becomes final. */
    @Test
    void evaluationsGoByStepNotByFileOrder(@TempDir Path dir) throws IOException {
        RunDirectory run = run(dir);
        Files.writeString(run.metrics(), "{\"step\":2,\"eval_samples\":300,\"eval_seed\":5,\"fid\":99.0}" + System.lineSeparator(),
                StandardOpenOption.APPEND);
        String html = Files.readString(new RunReport(run).write());
        assertTrue(html.contains("<th>eval fid</th><td>2.0000</td>") && html.contains("<th>evaluated at step</th><td>10</td>"),
                "the final numbers are the highest step's");
    }

    @Test
    void aDirectoryWithoutARunIsAnError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> new RunReport(new RunDirectory(dir)).write());
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void aMetricLineCutOffByAKilledRunIsSkippedWithANote(@TempDir Path dir) throws IOException {
        RunDirectory run = run(dir);
        Files.writeString(run.metrics(), "{\"step\":12,\"d_lo", StandardOpenOption.APPEND);
        java.io.ByteArrayOutputStream notes = new java.io.ByteArrayOutputStream();
        String html = Files.readString(new RunReport(run, new PrintStream(notes, true, StandardCharsets.UTF_8)).write());
        assertTrue(html.contains("<th>step</th><td>10</td>"), "the last complete training line");
        assertEquals("note: skipped line 9 of " + run.metrics() + ", not valid JSON (Unexpected end-of-input in field name): "
                + "a run killed while writing a line leaves it cut off" + System.lineSeparator(), notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aConfigThatIsNotJsonIsNamed(@TempDir Path dir) throws IOException {
        RunDirectory run = run(dir);
        Files.writeString(run.config(), "{\"name\": \"r\",\n\"seed\": }");
        IOException e = assertThrows(IOException.class, () -> new RunReport(run).write());
        assertEquals(run.config() + " is not valid JSON: Unexpected character ('}' (code 125)): expected a value at line 2, column 9",
                e.getMessage());
    }

    @Test
    void headlessChromiumShowsEveryFigureWithoutConsoleErrors(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        Path file = new RunReport(run(dir.resolve("run"))).write();
        Files.createDirectories(dir.resolve("profile"));
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", file.toUri().toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        String log = Files.readString(dir.resolve("stderr.txt"));
        Matcher figures = Pattern.compile("data-figures=\"(\\d+)\"").matcher(dom);
        Matcher loaded = Pattern.compile("data-loaded=\"(\\d+)\"").matcher(dom);
        assertTrue(figures.find() && loaded.find(), "the page's load script ran; stderr:\n" + log);
        assertEquals("9", figures.group(1));
        assertEquals(figures.group(1), loaded.group(1), "every figure decoded and shown");
        for (String line : log.lines().toList()) {
            assertFalse(line.contains("CONSOLE") || line.contains("Uncaught"), "console message: " + line);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
