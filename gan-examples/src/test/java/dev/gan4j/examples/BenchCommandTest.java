package dev.gan4j.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gan bench} measures an image-folder experiment on stand-in batches when its pictures are absent: unconditional, or
 * conditioned on a declared tag vocabulary (the anime preset, shrunk).
 */
class BenchCommandTest {
    private static Path experiment(Path dir) throws Exception {
        return TestExperiments.write(dir, "folder.json", """
                {
                  "name": "folder-bench",
                  "data": {"type": "image-folder", "directory": "%s", "resolution": 8, "batchSize": 4},
                  "generator": {"type": "dcgan", "latentDim": 4, "width": 2},
                  "discriminator": {"type": "dcgan", "width": 2},
                  "strategy": {"type": "non-saturating"}
                }
                """.formatted(dir.resolve("no-pictures-here").toString().replace("\\", "\\\\")));
    }

    @Test
    void anAbsentFolderIsReplacedBySyntheticBatchesOfItsShape(@TempDir Path dir) throws Exception {
        TestExperiments.Result result = TestExperiments.run("bench", experiment(dir).toString(), "--iters", "2", "--warmup", "1",
                "--sample-iters", "1", "--sample-batch", "4", "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("batches of synthetic noise of shape [3, 8, 8]"), result.out());
        assertTrue(result.out().strip().lines().reduce((a, b) -> b).orElse("").startsWith("images_per_s="), result.out());
    }

    @Test
    void liveDataStillNeedsTheFolder(@TempDir Path dir) throws Exception {
        TestExperiments.Result result = TestExperiments.run("bench", experiment(dir).toString(), "--iters", "2", "--live-data",
                "--threads", "1");
        assertEquals(2, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().startsWith("error: data") && result.err().contains("no-pictures-here"), result.err());
    }

    /** The anime preset's pair and strategy (DRAGAN, real-only tag loss) at toy widths, on random valid tag sets. */
    @Test
    void aTagConditionedPresetRunsOnRandomValidTagSets(@TempDir Path dir) throws Exception {
        TestExperiments.Result result = TestExperiments.run("bench", "anime-avatars",
                "--set", "data.directory=" + dir.resolve("no-pictures-here"), "--set", "data.resolution=32", "--set", "data.batchSize=4",
                "--set", "generator.width=2", "--set", "generator.blocks=1", "--set", "discriminator.width=2",
                "--iters", "2", "--warmup", "1", "--sample-iters", "1", "--sample-batch", "4", "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("batches of synthetic noise of shape [3, 32, 32] (128 examples, random valid sets of 17 tags)"),
                result.out());
    }
}
