package dev.gan4j.core.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes arrays in NumPy's {@code .npy} format (version 1.0, little-endian), readable by
 * {@code numpy.load}, so samples can be compared with Python tools. The file appears complete or
 * not at all (written to a temporary file, then moved).
 */
public final class NpyWriter implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final DataOutputStream out;
    private final FileOutputStream file;
    private final long[] shape;
    private final long expected;
    private final String descr;
    private long written;
    private boolean closed;

    /**
     * @param dataType {@link DataType#FLOAT} ({@code <f4}) or {@link DataType#INT} ({@code <i4}) or
     *                 {@link DataType#LONG} ({@code <i8})
     */
    public NpyWriter(Path target, DataType dataType, long... shape) throws IOException {
        this.target = target;
        this.shape = shape.clone();
        this.descr = switch (dataType) {
            case FLOAT -> "<f4";
            case INT -> "<i4";
            case LONG -> "<i8";
            default -> throw new IllegalArgumentException("unsupported NPY data type " + dataType);
        };
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        this.expected = n;
        this.temporary = AtomicFiles.temporarySibling(target);
        this.file = new FileOutputStream(temporary.toFile());
        this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16));
        try {
            writeHeader();
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    private void discard() throws IOException {
        try {
            file.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeHeader() throws IOException {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]);
            dims.append(shape.length == 1 || i < shape.length - 1 ? "," : "");
            if (i < shape.length - 1) {
                dims.append(' ');
            }
        }
        dims.append(')');
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int total = 10 + header.length() + 1;
        int padding = (64 - total % 64) % 64;
        header = header + " ".repeat(padding) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        ByteBuffer length = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        out.write(length.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends the values of {@code array} in C order. */
    public void append(INDArray array) throws IOException {
        long n = array.length();
        if (written + n > expected) {
            throw new IllegalStateException("more values than the declared shape " + Arrays.toString(shape));
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) n * ("<i8".equals(descr) ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        INDArray flat = array.dup('c').reshape(n);
        switch (descr) {
            case "<f4" -> {
                for (float v : flat.castTo(DataType.FLOAT).toFloatVector()) {
                    buffer.putFloat(v);
                }
            }
            case "<i4" -> {
                for (int v : flat.castTo(DataType.INT).toIntVector()) {
                    buffer.putInt(v);
                }
            }
            default -> {
                for (long v : flat.castTo(DataType.LONG).toLongVector()) {
                    buffer.putLong(v);
                }
            }
        }
        out.write(buffer.array());
        written += n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
            file.getFD().sync();
            out.close();
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
        if (written != expected) {
            Files.deleteIfExists(temporary);
            throw new IllegalStateException("wrote " + written + " values, the declared shape "
                    + Arrays.toString(shape) + " needs " + expected);
        }
        AtomicFiles.commit(temporary, target);
        AtomicFiles.syncDirectory(temporary.getParent());
    }

    /** Writes one whole array. */
    public static void write(Path target, INDArray array) throws IOException {
        try (NpyWriter writer = new NpyWriter(target, array.dataType() == DataType.DOUBLE ? DataType.FLOAT : array.dataType(), array.shape())) {
            writer.append(array);
        }
    }
}
