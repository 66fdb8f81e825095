package dev.gan4j.core.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions recorded in checkpoints, read from the build. */
public final class Versions {
    private static final Properties PROPERTIES = load();

    private Versions() {
    }

    public static String gan4j() {
        return PROPERTIES.getProperty("gan4j.version", "unknown");
    }

    public static String dl4j() {
        return PROPERTIES.getProperty("dl4j.version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/gan4j/core/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
