package dev.gan4j.datasets;

import org.junit.jupiter.api.AfterEach;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetDownloaderTest {
    private static final String IMAGES = "train-images-idx3-ubyte.gz";
    private static final String LABELS = "train-labels-idx1-ubyte.gz";
    private static final String WRONG = "0".repeat(64);

    @TempDir
    Path dir;

    private final byte[] images = TestIdx.gzip(TestIdx.images(2, 2, 2, new byte[] {0, 1, 2, 3, 4, 5, 6, 7}));
    private final byte[] labels = TestIdx.gzip(TestIdx.labels((byte) 4, (byte) 2));
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private LocalFileServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalFileServer().serve(IMAGES, images).serve(LABELS, labels);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void verifiedFilesLandInTheTargetFolder() throws IOException {
        Path target = dir.resolve("fashion-mnist");
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of(IMAGES, sha256(images), LABELS, sha256(labels)));

        List<Path> files = downloader.fetch(List.of(IMAGES, LABELS), target, log);

        assertEquals(List.of(target.resolve(IMAGES), target.resolve(LABELS)), files);
        assertArrayEquals(images, Files.readAllBytes(target.resolve(IMAGES)));
        assertArrayEquals(labels, Files.readAllBytes(target.resolve(LABELS)));
        assertEquals(List.of(IMAGES, LABELS), listing(target));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("SHA-256 verified"));
        assertTrue(DatasetLocator.inFolder(target, Split.TRAIN).isPresent());
    }

    /** No server to reach: the error says what failed and what to do about it, and nothing is left behind. */
    @Test
    void anUnreachableSourceSaysWhatToDo() throws IOException {
        URI closed = server.base();
        server.close();
        DatasetDownloader downloader = new DatasetDownloader("test", closed, Map.of(IMAGES, sha256(images)));

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(List.of(IMAGES), dir, log));

        assertTrue(e.getMessage().startsWith("cannot download " + closed + IMAGES + " (") && e.getMessage().contains("proxy")
                && e.getMessage().contains("~/.gan/datasets/test"), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    /** A server that stops sending mid-file: the download gives up after the stall limit, saying so. */
    @Test
    void aStalledDownloadIsAbandoned() throws IOException {
        server.stall("stalled.gz", images);
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of("stalled.gz", sha256(images)),
                java.time.Duration.ofMillis(500));

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(List.of("stalled.gz"), dir, log));

        assertTrue(e.getMessage().contains("stalled: no data for"), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void wrongChecksumFailsAndLeavesNothingBehind() throws IOException {
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of(IMAGES, WRONG));

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(List.of(IMAGES), dir, log));

        assertTrue(e.getMessage().contains(IMAGES), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + WRONG), e.getMessage());
        assertTrue(e.getMessage().contains("actual " + sha256(images)), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void httpErrorFailsAndLeavesNothingBehind() throws IOException {
        String missing = "t10k-images-idx3-ubyte.gz";
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of(missing, WRONG));

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(List.of(missing), dir, log));

        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertTrue(e.getMessage().contains(missing), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void fileWithoutAKnownChecksumIsNeverRequested() {
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of(IMAGES, sha256(images)));

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(List.of(IMAGES, LABELS), dir.resolve("x"), log));

        assertTrue(e.getMessage().contains("no SHA-256 is known for " + LABELS), e.getMessage());
        assertEquals(List.of(), server.requests());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void verifiedFileAlreadyThereIsKept() throws IOException {
        Files.write(dir.resolve(IMAGES), images);
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of(IMAGES, sha256(images)));

        downloader.fetch(List.of(IMAGES), dir, log);

        assertEquals(List.of(), server.requests());
    }

    @Test
    void differentFileAlreadyThereIsNotOverwritten() throws IOException {
        Files.write(dir.resolve(IMAGES), labels);
        DatasetDownloader downloader = new DatasetDownloader("test", server.base(), Map.of(IMAGES, sha256(images)));

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(List.of(IMAGES), dir, log));

        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertArrayEquals(labels, Files.readAllBytes(dir.resolve(IMAGES)));
    }

    @Test
    void unknownDatasetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetDownloader.download("cifar", dir, log));

        assertTrue(e.getMessage().contains("[fashion-mnist, mnist]"), e.getMessage());
    }

    @Test
    void everyKnownDatasetHasAChecksumForEveryStandardFile() {
        for (KnownDataset dataset : KnownDataset.values()) {
            for (Split split : Split.values()) {
                for (String file : split.gzipFiles()) {
                    String hash = dataset.sha256().get(file);
                    assertTrue(hash != null && hash.matches("[0-9a-f]{64}"), dataset.id() + " " + file + ": " + hash);
                }
            }
            assertTrue(dataset.officialBase().toString().endsWith("/"), dataset.id());
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
