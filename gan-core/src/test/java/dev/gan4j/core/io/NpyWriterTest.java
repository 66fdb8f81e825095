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
        String header = new String(patched, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<i4", "<f2");
        Files.write(bytes16, header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        java.io.IOException dtype = assertThrows(java.io.IOException.class, () -> NpyReader.read(bytes16));
        assertTrue(dtype.getMessage().contains("<f2") && dtype.getMessage().contains("h.npy"), dtype.getMessage());
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
