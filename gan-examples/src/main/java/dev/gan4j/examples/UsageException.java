package dev.gan4j.examples;

/**
 * A command's options that cannot go together or are out of range, found after picocli parsed them: like picocli's
 * own parse errors it exits with 2, the code of a usage or config error, so scripts can tell it from a failed run.
 */
final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
        super(message);
    }
}
