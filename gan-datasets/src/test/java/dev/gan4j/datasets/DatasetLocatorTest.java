package dev.gan4j.datasets;

import dev.gan4j.core.config.DataContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetLocatorTest {
    private static final String NAME = "fashion-mnist";

    @TempDir
    Path root;

    private Path configured;
    private Path envDir;
    private Path home;
    private Path system;
    private DatasetLocator locator;

    @BeforeEach
    void setUp() {
        configured = root.resolve("configured");
        envDir = root.resolve("env");
        home = root.resolve("home");
        system = root.resolve("system");
        locator = new DatasetLocator(new DataContext(Map.of("GAN_DATA_DIR", envDir.toString()), home), system);
    }

    @Test
    void configuredFolderBeatsDataDirBeatsHomeBeatsSystem() throws IOException {
        Path inConfigured = configured;
        Path inEnv = envDir.resolve(NAME);
        Path inHome = home.resolve(".gan/datasets").resolve(NAME);
        Path inSystem = system.resolve(NAME);
        for (Path folder : new Path[] {inConfigured, inEnv, inHome, inSystem}) {
            TestIdx.trainSplit(folder, 3, true);
        }

        assertEquals(inConfigured, foundFolder());
        deleteTree(inConfigured);
        assertEquals(inEnv, foundFolder());
        deleteTree(inEnv);
        assertEquals(inHome, foundFolder());
        deleteTree(inHome);
        assertEquals(inSystem, foundFolder());
        deleteTree(inSystem);
        assertFalse(locator.find(NAME, Split.TRAIN, configured).isPresent());
    }

    @Test
    void unsetDataDirIsSkipped() throws IOException {
        DatasetLocator withoutEnv = new DatasetLocator(new DataContext(Map.of(), home), system);
        TestIdx.trainSplit(system.resolve(NAME), 3, false);

        Optional<IdxFiles> files = withoutEnv.find(NAME, Split.TRAIN, null);

        assertEquals(system.resolve(NAME).resolve("train-images-idx3-ubyte"), files.orElseThrow().images());
    }

    @Test
    void gzippedFilesArePreferredAndRawOnesAccepted() throws IOException {
        TestIdx.trainSplit(configured, 3, false);
        assertEquals(configured.resolve("train-images-idx3-ubyte"), locator.find(NAME, Split.TRAIN, configured).orElseThrow().images());

        TestIdx.trainSplit(configured, 3, true);
        IdxFiles files = locator.find(NAME, Split.TRAIN, configured).orElseThrow();
        assertEquals(configured.resolve("train-images-idx3-ubyte.gz"), files.images());
        assertEquals(configured.resolve("train-labels-idx1-ubyte.gz"), files.labels());
    }

    @Test
    void folderMissingTheLabelsIsPassedOver() throws IOException {
        TestIdx.trainSplit(configured, 3, true);
        Files.delete(configured.resolve("train-labels-idx1-ubyte.gz"));
        TestIdx.trainSplit(system.resolve(NAME), 3, true);

        assertEquals(system.resolve(NAME), foundFolder());
    }

    @Test
    void testSplitUsesTheT10kFiles() throws IOException {
        TestIdx.trainSplit(configured, 3, true);
        assertFalse(locator.find(NAME, Split.TEST, configured).isPresent());

        Files.copy(configured.resolve("train-images-idx3-ubyte.gz"), configured.resolve("t10k-images-idx3-ubyte.gz"));
        Files.copy(configured.resolve("train-labels-idx1-ubyte.gz"), configured.resolve("t10k-labels-idx1-ubyte"));
        IdxFiles files = locator.find(NAME, Split.TEST, configured).orElseThrow();
        assertEquals(configured.resolve("t10k-labels-idx1-ubyte"), files.labels());
    }

    @Test
    void notFoundMessageNamesTheDatasetEveryPlaceAndEveryRemedy() throws IOException {
        TestIdx.trainSplit(home.resolve(".gan/datasets").resolve(NAME), 3, true);
        Files.delete(home.resolve(".gan/datasets").resolve(NAME).resolve("train-labels-idx1-ubyte.gz"));

        String message = locator.notFound(KnownDataset.FASHION_MNIST, Split.TRAIN, configured).getMessage();

        assertTrue(message.contains("'fashion-mnist'"), message);
        assertTrue(message.contains("train-images-idx3-ubyte"), message);
        assertTrue(message.contains(configured.toString()), message);
        assertTrue(message.contains(envDir.resolve(NAME).toString()), message);
        assertTrue(message.contains(home.resolve(".gan/datasets").resolve(NAME).toString()), message);
        assertTrue(message.contains(system.resolve(NAME).toString()), message);
        assertTrue(message.contains("lacks train-labels-idx1-ubyte[.gz]"), message);
        assertTrue(message.contains("no such folder"), message);
        assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
        assertTrue(message.contains("GAN_DATA_DIR"), message);
        assertTrue(message.contains("data.download=true"), message);
        assertTrue(message.contains("./gan download fashion-mnist"), message);
    }

    @Test
    void notFoundMessageSaysWhenDataDirIsUnsetAndHasNoPackageForMnist() {
        DatasetLocator withoutEnv = new DatasetLocator(new DataContext(Map.of(), home), system);

        String message = withoutEnv.notFound(KnownDataset.MNIST, Split.TEST, null).getMessage();

        assertTrue(message.contains("'mnist'"), message);
        assertTrue(message.contains("t10k-images-idx3-ubyte"), message);
        assertTrue(message.contains("GAN_DATA_DIR is not set"), message);
        assertTrue(message.contains(home.resolve(".gan/datasets/mnist").toString()), message);
        assertTrue(message.contains(system.resolve("mnist").toString()), message);
        assertFalse(message.contains("apt-get"), message);
        assertTrue(message.contains("./gan download mnist"), message);
    }

    @Test
    void tildeMeansTheHomeOfTheContext() {
        assertEquals(home.resolve("data/x"), locator.expand("~/data/x"));
        assertEquals(home, locator.expand("~"));
        assertEquals(Path.of("rel/x"), locator.expand("rel/x"));
        assertEquals(home.resolve(".gan/datasets/mnist"), locator.downloadDir("mnist"));
    }

    private Path foundFolder() {
        return locator.find(NAME, Split.TRAIN, configured).orElseThrow().images().getParent();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
