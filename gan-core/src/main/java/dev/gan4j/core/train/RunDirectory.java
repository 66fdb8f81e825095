package dev.gan4j.core.train;

import dev.gan4j.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The wish of each row of a conditional run's sample grids, one line per row, top to bottom. */
    public Path sampleGridRows() {
        return samples().resolve("rows.txt");
    }

    /**
     * Keeps the metric lines of steps up to {@code step}: after a resume, lines written past the
     * checkpoint by the interrupted process would otherwise appear twice. A last line without its
     * newline was cut off by the interruption and goes too.
     */
    public void truncateMetricsAfter(long step) throws IOException {
        if (!Files.exists(metrics())) {
            return;
        }
        String text = Files.readString(metrics(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty() && !text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            Matcher m = STEP_IN_LINE.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) <= step) {
                kept.add(line);
            }
        }
        AtomicFiles.writeString(metrics(), kept.isEmpty() ? "" : String.join(System.lineSeparator(), kept) + System.lineSeparator());
    }

    /** Appends a line to {@code metrics.jsonl}, on a line of its own even when the file ends in a cut-off line. */
    public void appendMetrics(String jsonLine) throws IOException {
        String separator = Files.exists(metrics()) && !endsWithNewline(metrics()) ? System.lineSeparator() : "";
        Files.writeString(metrics(), separator + jsonLine + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Whether {@code file} is empty or ends in a newline. */
    private static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }
}
