package dev.gan4j.core.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files of little-endian float32, float64, int32 or int64 in C order, such as
 * samples saved by another framework or the labels {@code gan sample --labels-out} writes.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /** The array as FLOAT; errors name the file and what is wrong with it. */
    public static INDArray read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !"NUMPY".equals(new String(bytes, 1, 5, StandardCharsets.US_ASCII))) {
            throw new IOException(file + " is not an NPY file (bad magic)");
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IOException(file + " is truncated (header)");
            }
            headerLength = buffer.getInt(8);
            headerStart = 12;
        } else {
            throw new IOException(file + ": NPY version " + major + " is not supported");
        }
        if (headerLength < 0 || headerLength > bytes.length - headerStart) {
            throw new IOException(file + " is truncated (header)");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.US_ASCII);
        String descr = find(DESCR, header, file, "descr");
        if (find(FORTRAN, header, file, "fortran_order").equals("True")) {
            throw new IOException(file + ": Fortran-ordered arrays are not supported");
        }
        String shapeText = find(SHAPE, header, file, "shape");
        long[] shape;
        long count = 1;
        try {
            shape = Arrays.stream(shapeText.split(",")).map(String::trim).filter(d -> !d.isEmpty())
                    .map(d -> d.endsWith("L") ? d.substring(0, d.length() - 1) : d).mapToLong(Long::parseLong).toArray();
            for (long dimension : shape) {
                if (dimension < 0) {
                    throw new NumberFormatException("negative");
                }
                count = Math.multiplyExact(count, dimension);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IOException(file + ": NPY header has an unreadable shape (" + shapeText + ")");
        }
        if (count > Integer.MAX_VALUE) {
            throw new IOException(file + ": shape " + Arrays.toString(shape) + " holds more values than an array can");
        }
        int width = switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            default -> throw new IOException(file + ": dtype " + descr + " is not supported (float32, float64, int32 or int64 expected)");
        };
        int dataStart = headerStart + headerLength;
        if ((long) bytes.length - dataStart != count * (long) width) {
            throw new IOException(file + " holds " + (bytes.length - dataStart) + " data bytes, its shape "
                    + Arrays.toString(shape) + " needs " + count * width + " (truncated or corrupt)");
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (descr) {
                case "<f4" -> buffer.getFloat(dataStart + 4 * i);
                case "<i4" -> buffer.getInt(dataStart + 4 * i);
                case "<i8" -> buffer.getLong(dataStart + 8 * i);
                default -> (float) buffer.getDouble(dataStart + 8 * i);
            };
        }
        return Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT);
    }

    private static String find(Pattern pattern, String header, Path file, String key) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": NPY header has no " + key);
        }
        return m.group(1);
    }
}
