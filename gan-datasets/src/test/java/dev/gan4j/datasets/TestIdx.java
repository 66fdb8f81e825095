package dev.gan4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files byte by byte, independently of the reader under test. */
final class TestIdx {
    private TestIdx() {
    }

    static byte[] images(int count, int rows, int columns, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(2051).putInt(count).putInt(rows).putInt(columns).put(pixels);
        return buffer.array();
    }

    static byte[] labels(byte... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + values.length);
        buffer.putInt(2049).putInt(values.length).put(values);
        return buffer.array();
    }

    /** {@code count} images of {@code rows x columns} whose pixel {@code i} is {@code i % 256}. */
    static byte[] sequentialPixels(int count, int rows, int columns) {
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        return pixels;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /** A complete train split of {@code count} 2x3 images in {@code folder}, gzipped or not. */
    static void trainSplit(Path folder, int count, boolean gzipped) throws IOException {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        String suffix = gzipped ? ".gz" : "";
        byte[] images = images(count, 2, 3, sequentialPixels(count, 2, 3));
        byte[] labelFile = labels(labels);
        write(folder.resolve("train-images-idx3-ubyte" + suffix), gzipped ? gzip(images) : images);
        write(folder.resolve("train-labels-idx1-ubyte" + suffix), gzipped ? gzip(labelFile) : labelFile);
    }
}
