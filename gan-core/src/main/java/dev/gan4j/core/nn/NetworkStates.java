package dev.gan4j.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint format of one network: a magic number naming the implementation, a format version,
 * the update and epoch counts, then arrays (parameters, optimizer state, ...) each preceded by a
 * presence flag. Restoring checks every array's size, so a checkpoint of another architecture or
 * optimizer fails with a message instead of loading garbage.
 */
public final class NetworkStates {
    private static final int VERSION = 2;
    /** "GAN" in the high three bytes; the last names the implementation ({@code 'F'} for FastNetwork). */
    private static final int GAN4J_MAGIC_PREFIX = 0x47414E;

    private NetworkStates() {
    }

    /** What {@link #read} found. */
    public record Saved(int iteration, int epoch, List<INDArray> arrays) {
    }

    /** Writes the header and the arrays; a {@code null} array is written as absent. */
    public static void write(DataOutputStream out, int magic, int iteration, int epoch, INDArray... arrays) throws IOException {
        out.writeInt(magic);
        out.writeInt(VERSION);
        out.writeInt(iteration);
        out.writeInt(epoch);
        out.writeInt(arrays.length);
        for (INDArray array : arrays) {
            out.writeBoolean(array != null);
            if (array != null) {
                Nd4j.write(array, out);
            }
        }
    }

    public static Saved read(DataInputStream in, int magic, int expectedArrays) throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new IOException(found >>> 8 == GAN4J_MAGIC_PREFIX
                    ? "it holds the state of another kind of network (" + kind(found) + ", this config builds " + kind(magic)
                    + "): the config does not match the checkpoint"
                    : "not a gan4j network state (bad magic number 0x" + Integer.toHexString(found)
                    + "): the file is corrupt, or the config does not match the checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("network state version " + version + " is not supported (expected " + VERSION + ")");
        }
        int iteration = in.readInt();
        int epoch = in.readInt();
        int count = in.readInt();
        if (count != expectedArrays) {
            throw new IOException("network state holds " + count + " arrays, expected " + expectedArrays);
        }
        List<INDArray> arrays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arrays.add(in.readBoolean() ? readArray(in, i, count) : null);
        }
        return new Saved(iteration, epoch, arrays);
    }

    private static INDArray readArray(DataInputStream in, int index, int count) throws IOException {
        try {
            return Nd4j.read(in);
        } catch (RuntimeException e) {
            throw new IOException("truncated or corrupt: array " + (index + 1) + " of " + count + " cannot be read ("
                    + (e.getCause() != null ? e.getCause() : e) + ")", e);
        }
    }

    /** The four letters of a magic number, {@code 'GANF'}. */
    private static String kind(int magic) {
        byte[] bytes = {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic};
        return "'" + new String(bytes, StandardCharsets.ISO_8859_1) + "'";
    }

    /** Checks that {@code saved} fits {@code target} (both present, same length) before any is assigned. */
    public static void requireFits(INDArray saved, INDArray target, String what) throws IOException {
        if ((saved == null) != (target == null)) {
            throw new IOException("saved " + what + " is " + (saved == null ? "absent" : "present") + " but this network's is "
                    + (target == null ? "absent" : "present") + ": the config does not match the checkpoint");
        }
        if (saved != null && saved.length() != target.length()) {
            throw new IOException("saved " + what + " has " + saved.length() + " values, this network's has " + target.length()
                    + ": the config does not match the checkpoint");
        }
    }

    /** Copies {@code saved} into {@code target}; both may be {@code null}. Call {@link #requireFits} first. */
    public static void assign(INDArray saved, INDArray target) {
        if (saved != null) {
            target.assign(saved.reshape(target.shape()).castTo(target.dataType()));
        }
    }
}
