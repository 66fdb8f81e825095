package dev.gan4j.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files, the format of MNIST and Fashion-MNIST: a big-endian magic number
 * ({@value #IMAGES_MAGIC} for {@code n x rows x cols} images, {@value #LABELS_MAGIC} for {@code n}
 * labels), the dimensions, then the bytes. Gzip is recognised by its content, not the file name.
 *
 * <p>Every failure is an {@link IOException} naming the file, because a damaged download otherwise
 * shows up much later as a baffling shape error or as silently wrong pixels.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x0803;
    public static final int LABELS_MAGIC = 0x0801;

    private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    private IdxReader() {
    }

    /**
     * The first {@code count} images of a file.
     *
     * @param total  the number of images the file holds
     * @param pixels {@code count * rows * columns} unsigned bytes, row-major
     */
    public record Images(int count, int total, int rows, int columns, byte[] pixels) {
    }

    /**
     * The first {@code count} labels of a file.
     *
     * @param total  the number of labels the file holds
     * @param values {@code count} unsigned bytes
     */
    public record Labels(int count, int total, byte[] values) {
    }

    /** Reads at most {@code limit} images. */
    public static Images readImages(Path file, int limit) throws IOException {
        try (InputStream in = open(file)) {
            int[] dims = readHeader(in, file, IMAGES_MAGIC, 3, "image");
            int total = dims[0];
            int rows = dims[1];
            int columns = dims[2];
            if (rows <= 0 || columns <= 0) {
                throw new IOException(file + ": invalid image size " + rows + "x" + columns);
            }
            int count = Math.min(total, limit);
            long bytes = (long) count * rows * columns;
            if (bytes > MAX_BYTES) {
                throw new IOException(file + ": " + count + " images of " + rows + "x" + columns
                        + " do not fit in one array; set data.limit to use fewer");
            }
            Supplier<String> promised = () -> total + " images of " + rows + "x" + columns + " (" + (16 + (long) total * rows * columns)
                    + " bytes)";
            requireRoomFor(file, in, 16 + bytes, promised);
            byte[] pixels = new byte[(int) bytes];
            readBody(in, file, pixels, count == total, promised);
            return new Images(count, total, rows, columns, pixels);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        }
    }

    /** Reads at most {@code limit} labels. */
    public static Labels readLabels(Path file, int limit) throws IOException {
        try (InputStream in = open(file)) {
            int total = readHeader(in, file, LABELS_MAGIC, 1, "label")[0];
            int count = Math.min(total, limit);
            Supplier<String> promised = () -> total + " labels (" + (8L + total) + " bytes)";
            requireRoomFor(file, in, 8L + count, promised);
            byte[] values = new byte[count];
            readBody(in, file, values, count == total, promised);
            return new Labels(count, total, values);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static int[] readHeader(InputStream in, Path file, int expectedMagic, int rank, String kind) throws IOException {
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new IOException(file + " is truncated: it ends inside the IDX header (" + magicBytes.length + " bytes)");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        if (magic != expectedMagic) {
            String hint = magic == IMAGES_MAGIC ? " (it is an image file)" : magic == LABELS_MAGIC ? " (it is a label file)" : "";
            throw new IOException(file + " is not an IDX " + kind + " file: magic number " + String.format("0x%08X", magic)
                    + ", expected " + String.format("0x%08X", expectedMagic) + hint);
        }
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new IOException(file + " is truncated: it ends inside the IDX header (" + (4 + dimBytes.length) + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(dimBytes);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
        }
        if (dims[0] <= 0) {
            throw new IOException(file + ": the IDX header promises " + dims[0] + " " + kind + "s; nothing to read");
        }
        return dims;
    }

    /**
     * Fails before allocating when a header promises more than there is: more than an uncompressed file holds, or
     * more than half the Java heap, so a damaged header or an oversized file is an error naming the file rather
     * than an out-of-memory crash.
     */
    private static void requireRoomFor(Path file, InputStream in, long bytes, Supplier<String> promised) throws IOException {
        long size = Files.size(file);
        if (!(in instanceof GZIPInputStream) && size < bytes) {
            throw new IOException(file + " is truncated: its header promises " + promised.get() + " but the file holds "
                    + size + " bytes");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IOException(file + ": reading " + bytes / (1 << 20) + " MB of it needs more than half the Java heap ("
                    + heap / (1 << 20) + " MB); set data.limit to use fewer examples, or give the JVM more with GAN_JAVA_OPTS");
        }
    }

    /** Fills {@code target}; when the whole file is read, reads on to the end so gzip checks its CRC. */
    private static void readBody(InputStream in, Path file, byte[] target, boolean wholeFile, Supplier<String> promised)
            throws IOException {
        int read = in.readNBytes(target, 0, target.length);
        if (read < target.length) {
            throw new IOException(file + " is truncated: its header promises " + promised.get()
                    + " but the data ends " + (target.length - read) + " bytes early");
        }
        if (wholeFile) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static IOException corruptGzip(Path file, IOException cause) {
        String detail = cause.getMessage() == null ? "unexpected end of file" : cause.getMessage();
        return new IOException(file + ": corrupt gzip data (" + detail + "); delete the file and get it again", cause);
    }
}
