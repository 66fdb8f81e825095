package dev.gan4j.datasets;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxDataSourceTest {
    private static final byte[] PIXELS = {
            0, 1, 2, 127, (byte) 128, (byte) 255,
            10, 20, 30, 40, 50, 60,
            (byte) 255, (byte) 254, (byte) 200, 100, 64, 0};
    private static final byte[] LABELS = {9, 0, 3};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {false, true})
    void roundTripKeepsEveryPixelAndScalesItToMinusOneOne(boolean gzipped) throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels(LABELS), gzipped);

        IdxDataSource data = IdxDataSource.read(files, Integer.MAX_VALUE, "tiny");

        assertEquals(Shape.image(1, 2, 3), data.shape());
        assertEquals(3, data.size());
        assertEquals(OptionalInt.of(10), data.numClasses());
        Batch batch = data.batch(new int[] {0, 1, 2});
        assertArrayEquals(new long[] {3, 1, 2, 3}, batch.examples().shape());
        assertEquals(DataType.FLOAT, batch.examples().dataType());
        float[] actual = batch.examples().data().asFloat();
        for (int i = 0; i < PIXELS.length; i++) {
            int v = PIXELS[i] & 0xFF;
            assertEquals((float) v / 127.5f - 1f, actual[i], 0f, "pixel " + i + " = " + v);
        }
        assertEquals(-1f, actual[0], 0f);
        assertEquals(1f, actual[5], 0f);
        assertEquals(128 / 127.5f - 1f, actual[4], 0f);
        assertArrayEquals(new float[] {9, 0, 3}, batch.labels().data().asFloat());
        assertArrayEquals(new long[] {3}, batch.labels().shape());
        assertTrue(data.description().contains(files.images().toString()), data.description());
        assertTrue(data.description().contains(files.labels().toString()), data.description());
    }

    @Test
    void batchFollowsTheOrderOfTheIndices() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels(LABELS), false);
        IdxDataSource data = IdxDataSource.read(files, Integer.MAX_VALUE, "tiny");

        Batch batch = data.batch(new int[] {2, 0, 2});

        float[] x = batch.examples().data().asFloat();
        assertEquals(IdxDataSource.scale(255), x[0], 0f);
        assertEquals(IdxDataSource.scale(0), x[6], 0f);
        assertEquals(IdxDataSource.scale(255), x[12], 0f);
        assertArrayEquals(new float[] {3, 9, 3}, batch.labels().data().asFloat());
    }

    @Test
    void scaleMatchesFloat32Arithmetic() {
        for (int v = 0; v < 256; v++) {
            assertEquals(v / 127.5f - 1f, IdxDataSource.scale(v), 0f);
        }
        assertEquals(-1f, IdxDataSource.scale(0), 0f);
        assertEquals(1f, IdxDataSource.scale(255), 0f);
    }

    @Test
    void imagesWithoutLabelsHaveNoClasses() throws IOException {
        Path images = TestIdx.write(dir.resolve("images"), TestIdx.images(3, 2, 3, PIXELS));
        IdxDataSource data = IdxDataSource.read(new IdxFiles(images, null), Integer.MAX_VALUE, "tiny");

        assertEquals(OptionalInt.empty(), data.numClasses());
        assertNull(data.batch(new int[] {1}).labels());
    }

    @Test
    void labelsAboveNineRaiseTheClassCount() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels((byte) 0, (byte) 12, (byte) 1), false);

        assertEquals(OptionalInt.of(13), IdxDataSource.read(files, Integer.MAX_VALUE, "tiny").numClasses());
    }

    @Test
    void limitKeepsTheFirstExamples() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels(LABELS), true);

        IdxDataSource data = IdxDataSource.read(files, 2, "tiny");

        assertEquals(2, data.size());
        assertArrayEquals(new float[] {9, 0}, data.batch(new int[] {0, 1}).labels().data().asFloat());
        assertTrue(data.description().contains("first 2 of 3 examples"), data.description());
        assertThrows(IndexOutOfBoundsException.class, () -> data.batch(new int[] {2}));
    }

    @Test
    void indexOutsideTheDataIsRejected() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels(LABELS), false);
        IdxDataSource data = IdxDataSource.read(files, Integer.MAX_VALUE, "tiny");

        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> data.batch(new int[] {0, 3}));
        assertTrue(e.getMessage().contains("index 3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> data.batch(new int[] {-1}));
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {false, true})
    void truncatedImageFileNamesTheFile(boolean gzipped) throws IOException {
        byte[] whole = TestIdx.images(3, 2, 3, PIXELS);
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        Path file = TestIdx.write(dir.resolve("cut"), gzipped ? TestIdx.gzip(cut) : cut);

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("3 images of 2x3"), e.getMessage());
    }

    /** A header promising far more than the file holds is an error naming the file, before anything is allocated. */
    @Test
    void aHeaderPromisingTooMuchIsRefusedBeforeAllocating() throws IOException {
        byte[] header = TestIdx.images(1_000_000, 28, 28, PIXELS);
        Path raw = TestIdx.write(dir.resolve("raw"), header);
        IOException truncated = assertThrows(IOException.class, () -> IdxReader.readImages(raw, Integer.MAX_VALUE));
        assertTrue(truncated.getMessage().contains("truncated") && truncated.getMessage().contains("1000000 images of 28x28"),
                truncated.getMessage());

        long heapBytes = Runtime.getRuntime().maxMemory();
        int count = (int) Math.min(2_000_000_000L / 784, heapBytes / 784);
        Path gzipped = TestIdx.write(dir.resolve("gzipped"), TestIdx.gzip(TestIdx.images(count, 28, 28, PIXELS)));
        IOException heap = assertThrows(IOException.class, () -> IdxReader.readImages(gzipped, Integer.MAX_VALUE));
        assertTrue(heap.getMessage().contains("more than half the Java heap") && heap.getMessage().contains("data.limit"),
                heap.getMessage());
    }

    @Test
    void labelsOutsideAKnownDataSetsClassesNameTheFile() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels((byte) 0, (byte) 5, (byte) 1), false);
        IOException e = assertThrows(IOException.class, () -> IdxDataSource.read(files, 10, "test", List.of("a", "b", "c")));
        assertTrue(e.getMessage().contains(files.labels().toString()) && e.getMessage().contains("label 5 of example 1"),
                e.getMessage());
        assertEquals(3, IdxDataSource.read(files, 10, "custom files").size(), "files without class names take any label");
    }

    @Test
    void fileEndingInsideTheHeaderIsTruncated() throws IOException {
        Path file = TestIdx.write(dir.resolve("short"), Arrays.copyOf(TestIdx.images(3, 2, 3, PIXELS), 10));

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void labelFileReadAsImagesIsABadMagicNumber() throws IOException {
        Path file = TestIdx.write(dir.resolve("labels"), TestIdx.labels(LABELS));

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an IDX image file"), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 0x00000801, expected 0x00000803 (it is a label file)"), e.getMessage());
    }

    @Test
    void arbitraryBytesAreABadMagicNumber() throws IOException {
        Path file = TestIdx.write(dir.resolve("notes.txt"), "hello, world".getBytes());

        IOException e = assertThrows(IOException.class, () -> IdxReader.readLabels(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains("not an IDX label file"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void invalidDeflateBlockIsCorruptGzip() throws IOException {
        byte[] gz = TestIdx.gzip(TestIdx.images(3, 2, 3, PIXELS));
        gz[10] = 0x07;
        Path file = TestIdx.write(dir.resolve("corrupt.gz"), gz);

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt gzip"), e.getMessage());
    }

    @Test
    void gzipCutShortIsCorrupt() throws IOException {
        byte[] gz = TestIdx.gzip(TestIdx.images(3, 2, 3, PIXELS));
        Path file = TestIdx.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains("corrupt gzip"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void gzipWithAWrongChecksumIsCorrupt() throws IOException {
        byte[] gz = TestIdx.gzip(TestIdx.images(3, 2, 3, PIXELS));
        gz[gz.length - 8] ^= 0x5a;
        Path file = TestIdx.write(dir.resolve("crc.gz"), gz);

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains("corrupt gzip"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels((byte) 1, (byte) 2), false);

        IOException e = assertThrows(IOException.class, () -> IdxDataSource.read(files, Integer.MAX_VALUE, "tiny"));

        assertTrue(e.getMessage().contains("3 images"), e.getMessage());
        assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
        assertTrue(e.getMessage().contains(files.images().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(files.labels().toString()), e.getMessage());
    }

    @Test
    void countMismatchIsFoundEvenWithALimit() throws IOException {
        IdxFiles files = write("images", TestIdx.images(3, 2, 3, PIXELS), "labels", TestIdx.labels((byte) 1, (byte) 2), false);

        assertThrows(IOException.class, () -> IdxDataSource.read(files, 1, "tiny"));
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = TestIdx.write(dir.resolve("empty"), TestIdx.images(0, 2, 3, new byte[0]));

        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file, Integer.MAX_VALUE));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private IdxFiles write(String imagesName, byte[] images, String labelsName, byte[] labels, boolean gzipped)
            throws IOException {
        String suffix = gzipped ? ".gz" : "";
        Path imagesFile = TestIdx.write(dir.resolve(imagesName + suffix), gzipped ? TestIdx.gzip(images) : images);
        Path labelsFile = TestIdx.write(dir.resolve(labelsName + suffix), gzipped ? TestIdx.gzip(labels) : labels);
        assertTrue(Files.size(imagesFile) > 0);
        return new IdxFiles(imagesFile, labelsFile);
    }
}
