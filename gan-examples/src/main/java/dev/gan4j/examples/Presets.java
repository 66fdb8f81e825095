package dev.gan4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The experiments shipped inside the application ({@code gan-examples/presets/<name>.json}),
 * selectable by name wherever a config file is expected.
 */
public final class Presets {
    public static final String DEFAULT = "dcgan-fashion-mnist";
    private static final String ROOT = "/dev/gan4j/examples/presets/";

    private Presets() {
    }

    /** Names of the shipped presets, from the index file beside them. */
    public static List<String> names() {
        return Arrays.stream(read("index.txt").orElseThrow(() -> new IllegalStateException("preset index missing from the application"))
                        .split("\n"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    public static Optional<String> json(String name) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        return read(name + ".json");
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = Presets.class.getResourceAsStream(ROOT + resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + resource, e);
        }
    }
}
