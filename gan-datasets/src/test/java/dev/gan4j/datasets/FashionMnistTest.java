package dev.gan4j.datasets;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.config.DataContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads the real Fashion-MNIST where Debian's {@code dataset-fashion-mnist} package is installed. */
class FashionMnistTest {
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path home;

    @Test
    void installedTrainingSplitHas60000LabelledImages() throws IOException {
        IdxDataSource data = open(Split.TRAIN);

        assertEquals(60_000, data.size());
        assertEquals(OptionalInt.of(10), data.numClasses());
        assertArrayEquals(new long[] {1, 28, 28}, data.shape().dims());
        assertTrue(data.description().contains(INSTALLED.toString()), data.description());
        Batch batch = data.batch(new int[] {0, 1, 59_999});
        assertArrayEquals(new float[] {9, 0, 5}, batch.labels().data().asFloat());
        assertArrayEquals(new long[] {3, 1, 28, 28}, batch.examples().shape());
        assertEquals(-1.0, batch.examples().minNumber().doubleValue(), 0.0);
        assertEquals(1.0, batch.examples().maxNumber().doubleValue(), 0.0);
    }

    @Test
    void installedTestSplitHas10000LabelledImages() throws IOException {
        IdxDataSource data = open(Split.TEST);

        assertEquals(10_000, data.size());
        assertArrayEquals(new float[] {9, 2}, data.batch(new int[] {0, 1}).labels().data().asFloat());
    }

    private IdxDataSource open(Split split) throws IOException {
        assumeTrue(DatasetLocator.inFolder(INSTALLED, split).isPresent(),
                "Fashion-MNIST is not installed in " + INSTALLED + " (apt-get install dataset-fashion-mnist)");
        assumeTrue(Files.isReadable(INSTALLED.resolve(split.imagesFile() + ".gz")));
        DataContext context = new DataContext(Map.of(), home);
        return IdxDataSpec.named("fashion-mnist", split).open(new DatasetLocator(context), dataset -> {
            throw new AssertionError("no download expected");
        }, System.err);
    }
}
