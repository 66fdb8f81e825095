package dev.gan4j.core.config;

import java.nio.file.Path;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where data sources look for files: the environment ({@code GAN_DATA_DIR}) and the user's home
 * ({@code ~/.gan/datasets}). Passed in rather than read globally so tests control it.
 */
public record DataContext(Map<String, String> environment, Path home) {
    public DataContext {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(home, "home is null");
    }

    public static DataContext system() {
        return new DataContext(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
