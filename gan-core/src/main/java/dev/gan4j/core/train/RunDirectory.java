package dev.gan4j.core.train;

import dev.gan4j.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The files of one run: {@code config.json} (the resolved experiment), {@code metrics.jsonl},
 * {@code samples/step-N.png} and {@code checkpoints/step-N/}.
 */
public final class RunDirectory {
    private static final Pattern STEP_IN_LINE = Pattern.compile("\"step\"\\s*:\\s*(\\d+)");

    private final Path root;

    public RunDirectory(Path root) {
        this.root = requireNonNull(root, "root is null");
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path sampleGrid(long step) {
        return samples().resolve("step-" + step + ".png");
    }

    /**
     * Keeps the metric lines of steps up to {@code step}: after a resume, lines written past the
     * checkpoint by the interrupted process would otherwise appear twice.
     */
    public void truncateMetricsAfter(long step) throws IOException {
        if (!Files.exists(metrics())) {
            return;
        }
        List<String> kept = new ArrayList<>();
        try (Stream<String> lines = Files.lines(metrics(), StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                Matcher m = STEP_IN_LINE.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) <= step) {
                    kept.add(line);
                }
            });
        }
        AtomicFiles.writeString(metrics(), kept.isEmpty() ? "" : String.join(System.lineSeparator(), kept) + System.lineSeparator());
    }
}
