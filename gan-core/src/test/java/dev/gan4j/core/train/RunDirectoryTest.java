package dev.gan4j.core.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunDirectoryTest {
    private static final String NL = System.lineSeparator();

    @Test
    void aLineAppendedAfterACutOffLineStartsOnItsOwn(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        run.appendMetrics("{\"step\":1}");
        Files.writeString(run.metrics(), "{\"step\":2,\"d_lo", java.nio.file.StandardOpenOption.APPEND);
        run.appendMetrics("{\"step\":2,\"eval_samples\":10}");
        assertEquals(List.of("{\"step\":1}", "{\"step\":2,\"d_lo", "{\"step\":2,\"eval_samples\":10}"), Files.readAllLines(run.metrics()));
        assertEquals('\n', Files.readString(run.metrics()).charAt(Files.readString(run.metrics()).length() - 1));
    }

    @Test
    void truncatingAfterAResumeDropsACutOffLastLine(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        Files.writeString(run.metrics(), "{\"step\":2}" + NL + "{\"step\":4}" + NL + "{\"step\":6}" + NL + "{\"step\":1");
        run.truncateMetricsAfter(4);
        assertEquals("{\"step\":2}" + NL + "{\"step\":4}" + NL, Files.readString(run.metrics()));
    }
}
