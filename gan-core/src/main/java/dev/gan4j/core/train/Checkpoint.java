package dev.gan4j.core.train;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Shape;

import java.nio.file.Path;
import java.util.Map;

/**
 * A verified checkpoint directory: its step, the resolved experiment it was written under and
 * the data shape and condition schema, enough to rebuild the networks without opening the data.
 *
 * @param dataSize     examples the run drew its batches from, whose order depends on their number; -1 in checkpoints
 *                     written before it was recorded
 * @param dataFingerprint the data's digest ({@link dev.gan4j.core.api.DataSource#fingerprint()}), or {@code null} when
 *                     its source had none or the checkpoint predates it
 * @param networkFiles network role to file name
 * @param checksums    network role to SHA-256 of its file
 */
public record Checkpoint(Path directory, long step, long seed, Shape dataShape, long dataSize, String dataFingerprint, int conditionDim,
                         ConditionSchema conditions,
                         String configJson,
                         Map<String, String> networkFiles, Map<String, String> checksums) {
    public Checkpoint {
        networkFiles = Map.copyOf(networkFiles);
        checksums = Map.copyOf(checksums);
    }
}
