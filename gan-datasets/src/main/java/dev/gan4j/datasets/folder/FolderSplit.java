package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which part of an image folder a source serves. A picture belongs to the test part when a hash of its path falls
 * below the test fraction, so the parts never overlap, do not depend on the order of the files, and a picture keeps
 * its part when others are added or removed.
 */
public enum FolderSplit {
    /** Every picture. */
    ALL("all"),
    /** The pictures outside the test part. */
    TRAIN("train"),
    /** The pictures whose path hashes below the test fraction: the held-out data evaluation compares samples with. */
    TEST("test");

    private final String id;

    FolderSplit(String id) {
        this.id = id;
    }

    /** The name JSON and the command line use. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The value named {@code id}; an unknown name is an error of the {@code split} field listing the known ones. */
    @JsonCreator
    public static FolderSplit of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("split", "must be \"all\", \"train\" or \"test\", found '" + id + "'"));
    }

    /** Whether the picture at {@code path} is served by this part, {@code testFraction} of pictures being in the test part. */
    boolean contains(String path, double testFraction) {
        return this == ALL || (position(path) < testFraction) == (this == TEST);
    }

    /** A number in [0, 1) fixed by the path: FNV-1a over its UTF-8 bytes, mixed by SplitMix64's finaliser. */
    static double position(String path) {
        long h = 0xcbf29ce484222325L;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }
}
