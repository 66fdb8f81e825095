package dev.gan4j.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.google.inject.Guice;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.GanPlugin;
import dev.gan4j.core.plugin.Plugins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class IdxDataSpecTest {
    private static final Function<KnownDataset, DatasetDownloader> NO_DOWNLOADS = dataset -> {
        throw new AssertionError("no download expected");
    };

    @TempDir
    Path root;

    private Path home;
    private Path system;
    private DatasetLocator locator;
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeEach
    void setUp() {
        home = root.resolve("home");
        system = root.resolve("system");
        locator = new DatasetLocator(new DataContext(Map.of(), home), system);
    }

    @Test
    void absentFieldsTakeTheirDefaults() {
        IdxDataSpec spec = IdxDataSpec.of(null, null, null, null, null, null, null, null);

        assertEquals("fashion-mnist", spec.dataset());
        assertEquals("train", spec.split());
        assertEquals(64, spec.batchSize());
        assertNull(spec.limit());
        assertFalse(spec.download());
        assertNull(spec.directory());
    }

    @Test
    void impossibleValuesNameTheField() {
        assertInvalid("batchSize", "must be > 0, found -3", () -> IdxDataSpec.of(null, null, null, null, null, -3, null, null));
        assertInvalid("limit", "must be > 0, found 0", () -> IdxDataSpec.of(null, null, null, null, null, null, 0, null));
        assertInvalid("dataset", "unknown dataset 'cifar10'; known datasets: [fashion-mnist, mnist]",
                () -> IdxDataSpec.of("cifar10", null, null, null, null, null, null, null));
        assertInvalid("split", "must be \"train\" or \"test\", found 'validation'",
                () -> IdxDataSpec.of(null, "validation", null, null, null, null, null, null));
        assertInvalid("labels", "needs images", () -> IdxDataSpec.of(null, null, null, null, "l.idx", null, null, null));
        assertInvalid("dataset", "cannot be combined with images", () -> IdxDataSpec.of("mnist", null, null, "i.idx", null, null, null, null));
        assertInvalid("directory", "cannot be combined with images", () -> IdxDataSpec.of(null, null, "d", "i.idx", null, null, null, null));
        assertInvalid("download", "cannot be combined with images", () -> IdxDataSpec.of(null, null, null, "i.idx", null, null, null, true));
        assertInvalid("images", "must not be empty", () -> IdxDataSpec.of(null, null, null, " ", null, null, null, null));
    }

    @Test
    void jsonRoundTripThroughThePluginRegistry() throws JsonProcessingException {
        ComponentRegistry registry = Guice.createInjector(new DatasetsPlugin()).getInstance(ComponentRegistry.class);
        ObjectMapper mapper = registry.mapper();
        assertEquals(Set.of("grid", "idx", "image-folder", "ring"), registry.names(ComponentKind.DATA));

        DataSpec read = mapper.readValue("{\"type\": \"idx\", \"dataset\": \"mnist\", \"split\": \"test\", \"batchSize\": 32,"
                + " \"limit\": 100, \"download\": true, \"directory\": \"/data/mnist\"}", DataSpec.class);
        IdxDataSpec expected = new IdxDataSpec("mnist", "test", "/data/mnist", null, null, 32, 100, true);
        assertEquals(expected, read);

        String json = mapper.writerFor(DataSpec.class).writeValueAsString(read);
        assertEquals(expected, mapper.readValue(json, DataSpec.class));
        JsonNode tree = mapper.readTree(json);
        assertEquals("idx", tree.get("type").asText());
        assertFalse(tree.has("images"), json);

        DataSpec defaults = mapper.readValue("{\"type\": \"idx\"}", DataSpec.class);
        JsonNode resolved = mapper.readTree(mapper.writerFor(DataSpec.class).writeValueAsString(defaults));
        assertEquals("fashion-mnist", resolved.get("dataset").asText());
        assertEquals("train", resolved.get("split").asText());
        assertEquals(64, resolved.get("batchSize").asInt());
        assertFalse(resolved.get("download").asBoolean());

        DataSpec explicit = mapper.readValue("{\"type\": \"idx\", \"images\": \"a.idx3\", \"labels\": \"b.idx1\"}", DataSpec.class);
        assertEquals(explicit, mapper.readValue(mapper.writerFor(DataSpec.class).writeValueAsString(explicit), DataSpec.class));
    }

    @Test
    void jsonRejectsUnknownKeysAndImpossibleValues() {
        ObjectMapper mapper = Guice.createInjector(new DatasetsPlugin()).getInstance(ComponentRegistry.class).mapper();

        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"type\": \"idx\", \"batchsize\": 3}", DataSpec.class));
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> mapper.readValue("{\"type\": \"idx\", \"dataset\": \"emnist\"}", DataSpec.class));
        InvalidValueException invalid = assertInstanceOf(InvalidValueException.class, e.getCause());
        assertEquals("dataset", invalid.field());
        assertTrue(invalid.problem().contains("fashion-mnist, mnist"), invalid.problem());
    }

    @Test
    void pluginIsFoundOnTheClassPath() {
        assertTrue(Plugins.discover(getClass().getClassLoader()).stream()
                .map(GanPlugin::name).anyMatch("gan-datasets"::equals));
    }

    @Test
    void openReadsTheConfiguredDirectoryWithALimit() throws IOException {
        Path folder = root.resolve("my-data");
        TestIdx.trainSplit(folder, 5, true);
        IdxDataSpec spec = IdxDataSpec.of("fashion-mnist", "train", folder.toString(), null, null, 2, 4, null);

        IdxDataSource data = spec.open(locator, NO_DOWNLOADS, log);

        assertEquals(4, data.size());
        assertEquals(OptionalInt.of(10), data.numClasses());
        assertArrayEquals(new long[] {1, 2, 3}, data.shape().dims());
        assertTrue(data.description().contains(folder.resolve("train-images-idx3-ubyte.gz").toString()), data.description());
        assertArrayEquals(new float[] {3, 1}, data.batch(new int[] {3, 1}).labels().data().asFloat());
    }

    @Test
    void openReadsExplicitFilesWithTildeExpansion() throws IOException {
        Path images = TestIdx.write(home.resolve("custom/imgs"), TestIdx.images(2, 1, 2, new byte[] {0, (byte) 255, 51, 102}));
        IdxDataSpec spec = IdxDataSpec.of(null, null, null, "~/custom/imgs", null, 1, null, null);

        IdxDataSource data = spec.open(locator, NO_DOWNLOADS, log);

        assertEquals(2, data.size());
        assertEquals(OptionalInt.empty(), data.numClasses());
        assertArrayEquals(new float[] {51 / 127.5f - 1f, 102 / 127.5f - 1f}, data.batch(new int[] {1}).examples().data().asFloat());
        assertTrue(data.description().contains(images.toString()), data.description());
    }

    @Test
    void missingExplicitFileIsNamed() {
        IdxDataSpec spec = IdxDataSpec.of(null, null, null, root.resolve("nope.idx").toString(), null, null, null, null);

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> spec.open(locator, NO_DOWNLOADS, log));

        assertTrue(e.getMessage().contains("nope.idx"), e.getMessage());
    }

    @Test
    void missingDataWithoutDownloadExplainsHowToGetIt() {
        IdxDataSpec spec = IdxDataSpec.named("fashion-mnist", Split.TRAIN);

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> spec.open(locator, NO_DOWNLOADS, log));

        assertTrue(e.getMessage().contains(system.resolve("fashion-mnist").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("./gan download fashion-mnist"), e.getMessage());
    }

    @Test
    void missingDataWithDownloadFetchesIntoTheUserFolder() throws IOException {
        Path source = root.resolve("served");
        TestIdx.trainSplit(source, 4, true);
        byte[] images = Files.readAllBytes(source.resolve("train-images-idx3-ubyte.gz"));
        byte[] labels = Files.readAllBytes(source.resolve("train-labels-idx1-ubyte.gz"));
        try (LocalFileServer server = new LocalFileServer()
                .serve("train-images-idx3-ubyte.gz", images)
                .serve("train-labels-idx1-ubyte.gz", labels)) {
            URI base = server.base();
            Function<KnownDataset, DatasetDownloader> downloads = dataset -> new DatasetDownloader(dataset.id(), base, Map.of(
                    "train-images-idx3-ubyte.gz", DatasetDownloaderTest.sha256(images),
                    "train-labels-idx1-ubyte.gz", DatasetDownloaderTest.sha256(labels)));
            IdxDataSpec spec = IdxDataSpec.of("fashion-mnist", "train", null, null, null, 2, null, true);

            IdxDataSource data = spec.open(locator, downloads, log);

            assertEquals(4, data.size());
            Path target = home.resolve(".gan/datasets/fashion-mnist");
            assertArrayEquals(images, Files.readAllBytes(target.resolve("train-images-idx3-ubyte.gz")));
            assertTrue(data.description().contains(target.toString()), data.description());

            spec.open(locator, NO_DOWNLOADS, log);
            assertEquals(2, server.requests().size());
        }
    }

    private static void assertInvalid(String field, String problem, Runnable construction) {
        try {
            construction.run();
            fail("expected an invalid " + field);
        } catch (InvalidValueException e) {
            assertEquals(field, e.field(), e.getMessage());
            assertTrue(e.problem().contains(problem), e.getMessage());
        }
    }
}
