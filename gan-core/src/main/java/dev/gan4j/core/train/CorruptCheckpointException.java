package dev.gan4j.core.train;

/** A checkpoint that is incomplete, damaged or written for another architecture. */
public final class CorruptCheckpointException extends RuntimeException {
    public CorruptCheckpointException(String message) {
        super(message);
    }

    public CorruptCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
