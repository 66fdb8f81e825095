package dev.gan4j.datasets.folder;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderSourceTest {
    @TempDir
    Path root;

    private Path folder;
    private FolderFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectories(root.resolve("pictures"));
        fixture = new FolderFixture(root.resolve("home"));
    }

    private static float scaled(int value) {
        return value / 127.5f - 1f;
    }

    private static void assertColour(INDArray examples, int i, int rgb, float tolerance) {
        for (int c = 0; c < 3; c++) {
            int expected = rgb >> (16 - 8 * c) & 0xFF;
            INDArray plane = examples.get(NDArrayIndex.point(i), NDArrayIndex.point(c));
            assertEquals(scaled(expected), plane.minNumber().floatValue(), tolerance, "example " + i + " channel " + c);
            assertEquals(scaled(expected), plane.maxNumber().floatValue(), tolerance, "example " + i + " channel " + c);
        }
    }

    @Test
    void servesEveryPictureScaledInPathOrder() throws IOException {
        Map<String, Integer> colours = Pictures.numbered(folder, 5, 8);
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4");
        assertEquals(5, source.size());
        assertEquals(Shape.image(3, 4, 4), source.shape());
        Batch batch = source.batch(new int[] {4, 0, 2});
        assertArrayEquals(new long[] {3, 3, 4, 4}, batch.examples().shape());
        List<Integer> rgb = List.copyOf(colours.values());
        assertColour(batch.examples(), 0, rgb.get(4), 0);
        assertColour(batch.examples(), 1, rgb.get(0), 0);
        assertColour(batch.examples(), 2, rgb.get(2), 0);
        assertEquals(null, batch.labels());
        assertTrue(source.description().contains("5 pictures at 4x4 RGB"), source.description());
    }

    @Test
    void blackAndWhiteBecomeMinusOneAndOne() throws IOException {
        Pictures.write(folder, "a.png", Pictures.solid(4, 4, 0x000000));
        Pictures.write(folder, "b.png", Pictures.solid(4, 4, 0xFFFFFF));
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"channels\": 1");
        INDArray examples = source.batch(new int[] {0, 1}).examples();
        assertEquals(-1f, examples.getFloat(0, 0, 0, 0));
        assertEquals(1f, examples.getFloat(1, 0, 3, 3));
    }

    @Test
    void readsPngJpegGifAndBmpInNestedFolders() throws IOException {
        Pictures.write(folder, "a/one.png", Pictures.solid(8, 8, 0x336699));
        Pictures.write(folder, "a/b/two.jpg", Pictures.solid(8, 8, 0x336699));
        Pictures.write(folder, "c/three.gif", Pictures.solid(8, 8, 0x336699));
        Pictures.write(folder, "c/d/e/four.bmp", Pictures.solid(8, 8, 0x336699));
        Pictures.text(folder, "notes.txt", "not a picture");
        Pictures.write(folder, ".hidden/five.png", Pictures.solid(8, 8, 0));
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 8");
        assertEquals(List.of("a/b/two.jpg", "a/one.png", "c/d/e/four.bmp", "c/three.gif"), source.archive().paths());
        INDArray examples = source.batch(new int[] {0, 1, 2, 3}).examples();
        for (int i = 0; i < 4; i++) {
            assertColour(examples, i, 0x336699, i == 0 ? 0.05f : 0);
        }
    }

    @Test
    void greyFilesKeepTheirValuesInGreyAndInColour() throws IOException {
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        Pictures.write(folder, "grey.png", grey);
        ImageFolderSource asGrey = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"channels\": 1");
        assertEquals(Shape.image(1, 4, 4), asGrey.shape());
        INDArray examples = asGrey.batch(new int[] {0}).examples();
        assertEquals(scaled(100), examples.minNumber().floatValue());
        assertEquals(scaled(100), examples.maxNumber().floatValue());
        assertColour(fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4").batch(new int[] {0}).examples(), 0,
                0x646464, 0);
    }

    @Test
    void transparentPixelsTakeTheBackground() throws IOException {
        java.awt.image.BufferedImage clear = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Pictures.write(folder, "clear.png", clear);
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"background\": \"#F0F0F0\"");
        assertColour(source.batch(new int[] {0}).examples(), 0, 0xF0F0F0, 0);
    }

    @Test
    void mirrorAddsEachPictureFlipped() throws IOException {
        Pictures.write(folder, "a.png", Pictures.columns(4, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF));
        Pictures.write(folder, "b.png", Pictures.solid(4, 4, 0x808080));
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"mirror\": true");
        assertEquals(4, source.size());
        INDArray examples = source.batch(new int[] {0, 2, 1, 3}).examples();
        INDArray original = examples.get(NDArrayIndex.point(0));
        INDArray flipped = examples.get(NDArrayIndex.point(1));
        for (int x = 0; x < 4; x++) {
            assertEquals(original.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(x)),
                    flipped.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(3 - x)));
        }
        assertNotEquals(original, flipped);
        assertEquals(examples.get(NDArrayIndex.point(2)), examples.get(NDArrayIndex.point(3)));
        assertTrue(source.description().contains("mirrored"), source.description());
    }

    @Test
    void aBatchWrittenIntoAReusedArrayEqualsAFreshOne() throws IOException {
        Pictures.numbered(folder, 6, 4);
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"mirror\": true");
        INDArray into = org.nd4j.linalg.factory.Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 3, 4, 4);
        for (int[] indices : new int[][] {{0, 7, 11}, {5, 6, 1}}) {
            Batch reused = source.batch(indices, 3, into);
            assertTrue(reused.examples() == into);
            assertEquals(source.batch(indices, 3).examples(), into);
        }
        INDArray view = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 3, 4, 4)
                .get(NDArrayIndex.interval(1, 4));
        assertEquals(source.batch(new int[] {2, 3, 4}).examples(), source.batch(new int[] {2, 3, 4}, 0, view).examples(),
                "a view is filled through a copy");
    }

    @Test
    void aSecondOpenReusesTheArchiveAndAChangedFolderIsPreparedAgain() throws IOException {
        Pictures.numbered(folder, 3, 4);
        String spec = FolderFixture.directory(folder) + ", \"resolution\": 4";
        ImageFolderSource first = fixture.open(spec);
        assertTrue(fixture.takeLog().contains("preparing"));
        Path archive = first.archive().file();
        assertTrue(archive.startsWith(folder.resolve(".gan-cache")), archive.toString());
        FileTime written = Files.getLastModifiedTime(archive);

        ImageFolderSource second = fixture.open(spec);
        assertEquals("", fixture.takeLog());
        assertEquals(written, Files.getLastModifiedTime(second.archive().file()));
        assertEquals(first.fingerprint(), second.fingerprint());

        Pictures.write(folder, "images/001.png", Pictures.solid(4, 4, 0x010203));
        Files.setLastModifiedTime(folder.resolve("images/001.png"), FileTime.fromMillis(1_000_000));
        Pictures.write(folder, "images/new.png", Pictures.solid(4, 4, 0x040506));
        Files.delete(folder.resolve("images/002.png"));
        ImageFolderSource changed = fixture.open(spec);
        String log = fixture.takeLog();
        assertTrue(log.contains("1 added, 1 removed, 1 modified"), log);
        assertEquals(List.of("images/000.png", "images/001.png", "images/new.png"), changed.archive().paths());
        assertColour(changed.batch(new int[] {1}).examples(), 0, 0x010203, 0);
        assertNotEquals(first.fingerprint(), changed.fingerprint());
    }

    @Test
    void aDifferentResolutionGetsItsOwnArchive() throws IOException {
        Pictures.numbered(folder, 2, 8);
        ImageFolderSource small = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4");
        ImageFolderSource large = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 8");
        assertNotEquals(small.archive().file(), large.archive().file());
        fixture.takeLog();
        fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4");
        assertEquals("", fixture.takeLog());
    }

    @Test
    void aDamagedArchiveIsPreparedAgain() throws IOException {
        Pictures.numbered(folder, 2, 4);
        String spec = FolderFixture.directory(folder) + ", \"resolution\": 4";
        Path archive = fixture.open(spec).archive().file();
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(file.length() - 10);
        }
        fixture.takeLog();
        ImageFolderSource reopened = fixture.open(spec);
        assertTrue(fixture.takeLog().contains("is damaged"));
        assertEquals(2, reopened.size());
    }

    @Test
    void aReadOnlyFolderIsPreparedIntoTheUsersCache() throws IOException {
        Pictures.numbered(folder, 2, 4);
        assertTrue(folder.toFile().setWritable(false));
        try {
            if (Files.isWritable(folder)) {
                return; // running as root: permissions do not bind, nothing to test
            }
            ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4");
            assertTrue(source.archive().file().startsWith(root.resolve("home/.gan/cache")), source.archive().file().toString());
        } finally {
            folder.toFile().setWritable(true);
        }
    }

    @Test
    void anExplicitCacheFolderHoldsTheArchive() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Path cache = root.resolve("elsewhere");
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"cache\": \""
                + cache.toAbsolutePath() + "\"");
        Path own = source.archive().file().getParent().toAbsolutePath();
        assertEquals(cache.toAbsolutePath(), own.getParent());
        assertTrue(own.getFileName().toString().startsWith("pictures-"), own.toString());
        assertFalse(Files.exists(folder.resolve(".gan-cache")));
        Path other = Files.createDirectories(root.resolve("other"));
        Pictures.numbered(other, 3, 4);
        ImageFolderSource second = fixture.open(FolderFixture.directory(other) + ", \"resolution\": 4, \"cache\": \""
                + cache.toAbsolutePath() + "\"");
        assertNotEquals(source.archive().file(), second.archive().file(), "two folders share a cache without sharing archives");
        fixture.takeLog();
        fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"cache\": \"" + cache.toAbsolutePath() + "\"");
        assertEquals("", fixture.takeLog());
    }

    @Test
    void aCorruptPictureIsNamedOrSkipped() throws IOException {
        Pictures.numbered(folder, 3, 4);
        byte[] png = Files.readAllBytes(folder.resolve("images/001.png"));
        Files.write(folder.resolve("images/001.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(folder.resolve("images/fake.jpg"), "not a jpeg at all");
        IOException error = assertThrows(IOException.class, () -> fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4"));
        assertTrue(error.getMessage().contains("2 pictures"), error.getMessage());
        assertTrue(error.getMessage().contains("images/001.png: corrupt or truncated"), error.getMessage());
        assertTrue(error.getMessage().contains("images/fake.jpg"), error.getMessage());
        assertTrue(error.getMessage().contains("skipBad"), error.getMessage());

        ImageFolderSource skipping = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"skipBad\": true");
        assertEquals(List.of("images/000.png", "images/002.png"), skipping.archive().paths());
        assertTrue(fixture.takeLog().contains("skipped images/001.png"));
        assertTrue(skipping.description().contains("2 unreadable left out"), skipping.description());
        // The archive remembers what it skipped: without skipBad the folder is refused again, with it reused.
        assertThrows(IOException.class, () -> fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4"));
        fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"skipBad\": true");
        assertEquals("", fixture.takeLog());
    }

    @Test
    void aFolderOfOnlyUnreadablePicturesIsRefusedEvenWhenSkipping() throws IOException {
        Files.writeString(folder.resolve("a.png"), "broken");
        Files.writeString(folder.resolve("b.jpg"), "broken too");
        IOException error = assertThrows(IOException.class,
                () -> fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"skipBad\": true"));
        assertTrue(error.getMessage().contains("2 pictures") && error.getMessage().contains("a.png"), error.getMessage());
    }

    @Test
    void anUnreadableHiddenFolderIsPassedOver() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Path trash = Files.createDirectories(folder.resolve(".Trash-1000"));
        assertTrue(trash.toFile().setReadable(false));
        try {
            assertEquals(2, fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4").size());
        } finally {
            trash.toFile().setReadable(true);
        }
    }

    @Test
    void aTruncatedJpegIsCorrupt() throws IOException {
        Pictures.write(folder, "ok.png", Pictures.solid(8, 8, 0x102030));
        Path jpeg = Pictures.write(folder, "cut.jpg", Pictures.columns(64, IntStream.range(0, 64).map(i -> i * 4 << 8).toArray()));
        byte[] bytes = Files.readAllBytes(jpeg);
        Files.write(jpeg, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        IOException error = assertThrows(IOException.class, () -> fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 8"));
        assertTrue(error.getMessage().contains("cut.jpg"), error.getMessage());
    }

    @Test
    void anEmptyFolderIsAnErrorNamingIt() throws IOException {
        Pictures.text(folder, "readme.txt", "nothing here");
        IOException error = assertThrows(IOException.class, () -> fixture.open(FolderFixture.directory(folder)));
        assertTrue(error.getMessage().contains("no pictures"), error.getMessage());
        assertTrue(error.getMessage().contains(folder.toAbsolutePath().toString()), error.getMessage());
    }

    @Test
    void aMissingFolderIsAnError() {
        IOException error = assertThrows(IOException.class, () -> fixture.open(FolderFixture.directory(root.resolve("nope"))));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void trainAndTestSplitsPartitionThePictures() throws IOException {
        Pictures.numbered(folder, 60, 4);
        String base = FolderFixture.directory(folder) + ", \"resolution\": 4, \"testFraction\": 0.25, \"split\": ";
        ImageFolderSource train = fixture.open(base + "\"train\"");
        ImageFolderSource test = fixture.open(base + "\"test\"");
        Set<Integer> seen = new HashSet<>();
        for (int i : train.selection()) {
            assertTrue(seen.add(i));
        }
        for (int i : test.selection()) {
            assertTrue(seen.add(i), "example " + i + " is in both splits");
        }
        assertEquals(60, seen.size());
        assertTrue(test.size() >= 7 && test.size() <= 23, "test split of " + test.size());
        assertTrue(train.description().contains("split train"), train.description());
        assertNotEquals(train.fingerprint(), test.fingerprint());
    }

    @Test
    void limitServesTheFirstExamples() throws IOException {
        Pictures.numbered(folder, 5, 4);
        ImageFolderSource source = fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4, \"limit\": 2");
        assertEquals(2, source.size());
        assertArrayEquals(new int[] {0, 1}, source.selection());
    }

    @Test
    void aNamedDatasetIsFoundLikeTheIdxSets() throws IOException {
        Path data = root.resolve("data");
        Pictures.numbered(data.resolve("cartoons"), 2, 4);
        FolderFixture withVariable = new FolderFixture(root.resolve("home"), Map.of("GAN_DATA_DIR", data.toString()));
        assertEquals(2, withVariable.open("\"dataset\": \"cartoons\", \"resolution\": 4").size());
        IOException missing = assertThrows(IOException.class, () -> withVariable.open("\"dataset\": \"avatars\""));
        assertTrue(missing.getMessage().contains("./gan data avatars"), missing.getMessage());
        assertTrue(missing.getMessage().contains(data.resolve("avatars").toString()), missing.getMessage());
    }
}
