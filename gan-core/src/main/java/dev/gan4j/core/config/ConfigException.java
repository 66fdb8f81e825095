package dev.gan4j.core.config;

/**
 * An experiment config that cannot run. The message starts with the JSON path of the offending
 * field (for example {@code generator.latentDim}) so the user knows where to look.
 */
public final class ConfigException extends RuntimeException {
    private final String path;

    public ConfigException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    public ConfigException(String path, String message, Throwable cause) {
        super(path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** JSON path of the offending field, dot-separated; empty for the whole document. */
    public String path() {
        return path;
    }
}
