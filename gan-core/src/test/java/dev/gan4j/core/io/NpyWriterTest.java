package dev.gan4j.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyWriterTest {
    @Test
    void writesNumpyVersion1LittleEndianFloat32InCOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.npy");
        try (NpyWriter writer = new NpyWriter(file, DataType.FLOAT, 3, 2)) {
            writer.append(Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c'));
            writer.append(Nd4j.create(new float[] {-0.5f, 7}, new long[] {1, 2}, 'c'));
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", header.trim());
        assertTrue(header.endsWith("\n"));
        assertEquals(0, (10 + headerLength) % 64);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
        float[] expected = {1, 2, 3, 4, -0.5f, 7};
        for (float v : expected) {
            assertEquals(v, data.getFloat());
        }
        assertEquals(10 + headerLength + 24, bytes.length);
    }

    @Test
    void oneDimensionalShapesUseAPythonTuple(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.npy");
        NpyWriter.write(file, Nd4j.create(new int[] {3, 1, 4}, new long[] {3}, DataType.INT));
        String header = new String(Files.readAllBytes(file), 10, 60, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<i4'") && header.contains("'shape': (3,)"), header);
    }

    @Test
    void readerReadsWhatTheWriterWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.npy");
        org.nd4j.linalg.api.ndarray.INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 2, 2);
        NpyWriter.write(file, x);
        assertEquals(x, NpyReader.read(file));
    }

    @Test
    void readerNamesTheFileOfBadInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.npy");
        NpyWriter.write(file, Nd4j.rand(DataType.FLOAT, 4, 4));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        java.io.IOException truncated = assertThrows(java.io.IOException.class, () -> NpyReader.read(file));
        assertTrue(truncated.getMessage().contains("r.npy") && truncated.getMessage().contains("truncated"), truncated.getMessage());
        Path text = Files.writeString(dir.resolve("t.npy"), "not numpy at all");
        java.io.IOException magic = assertThrows(java.io.IOException.class, () -> NpyReader.read(text));
        assertTrue(magic.getMessage().contains("t.npy"), magic.getMessage());
        Path ints = dir.resolve("i.npy");
        NpyWriter.write(ints, Nd4j.create(new int[] {1, 2}, new long[] {2}, DataType.INT));
        assertEquals(Nd4j.createFromArray(1f, 2f), NpyReader.read(ints), "int32 labels read back as values");
        Path bytes16 = dir.resolve("h.npy");
        Files.write(bytes16, Files.readAllBytes(ints));
        byte[] patched = Files.readAllBytes(bytes16);
        String header = new String(patched, StandardCharsets.ISO_8859_1).replace("<i4", "<f2");
        Files.write(bytes16, header.getBytes(StandardCharsets.ISO_8859_1));
        java.io.IOException dtype = assertThrows(java.io.IOException.class, () -> NpyReader.read(bytes16));
        assertTrue(dtype.getMessage().contains("<f2") && dtype.getMessage().contains("h.npy"), dtype.getMessage());
    }

    /** The file with its shape replaced, the header's padding adjusted so that its length and the data stay where they were. */
    private static byte[] patched(String file, String shape) {
        int end = file.indexOf('\n');
        String header = file.substring(0, end).replace("(2, 3)", shape).stripTrailing();
        String padded = header + " ".repeat(end - header.length());
        return (padded + file.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Damaged headers are IOExceptions naming the file, never an index or number-format error from deep inside. */
    @Test
    void damagedHeadersNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.npy");
        NpyWriter.write(file, Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}));
        byte[] good = Files.readAllBytes(file);
        String header = new String(good, StandardCharsets.ISO_8859_1);

        byte[] version2 = java.util.Arrays.copyOf(good, 11);
        version2[6] = 2;
        byte[] negativeLength = good.clone();
        negativeLength[6] = 2;
        negativeLength[8] = (byte) 0xff;
        negativeLength[9] = (byte) 0xff;
        negativeLength[10] = (byte) 0xff;
        negativeLength[11] = (byte) 0xff;
        for (byte[] damaged : java.util.List.of(version2, negativeLength,
                patched(header, "(2, x)"), patched(header, "(-2, -3)"), patched(header, "(4294967296, 4294967296)"))) {
            Files.write(file, damaged);
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> NpyReader.read(file));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }

        Files.write(file, patched(header, "(2L, 3L)"));
        assertArrayEquals(new long[] {2, 3}, NpyReader.read(file).shape(), "Python 2 writes long dimensions with an L");
    }

    @Test
    void anIncompleteFileIsNeverLeftBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.npy");
        NpyWriter writer = new NpyWriter(file, DataType.FLOAT, 4);
        writer.append(Nd4j.create(new float[] {1, 2}));
        assertThrows(IllegalStateException.class, writer::close);
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
