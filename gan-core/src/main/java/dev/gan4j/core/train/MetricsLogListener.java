package dev.gan4j.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends one JSON line to {@code metrics.jsonl} every {@code logEvery} steps: the mean of each value
 * over the steps since the previous line that reported it, the wall time and the throughput.
 */
public final class MetricsLogListener implements TrainingListener, AutoCloseable {
    private final RunDirectory run;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Per value: sum and number of steps that reported it (a strategy may report G's loss only on G's steps). */
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private int count;
    private long windowStart;
    private BufferedWriter writer;

    public MetricsLogListener(RunDirectory run) {
        this.run = run;
    }

    @Override
    public void onStart(TrainingRun training, long firstStep) {
        try {
            Files.createDirectories(run.root());
            writer = Files.newBufferedWriter(run.metrics(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + run.metrics(), e);
        }
        windowStart = System.nanoTime();
    }

    @Override
    public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
        values.forEach((k, v) -> {
            double[] sum = sums.computeIfAbsent(k, x -> new double[2]);
            sum[0] += v;
            sum[1]++;
        });
        count++;
        if (completed % training.experiment().training().logEvery() != 0 && completed != training.iterations()) {
            return;
        }
        long now = System.nanoTime();
        double seconds = (now - windowStart) / 1e9;
        ObjectNode line = mapper.createObjectNode();
        line.put("step", completed);
        line.put("time", System.currentTimeMillis() / 1000.0);
        sums.forEach((k, v) -> line.put(k, v[0] / v[1]));
        line.put("it_per_s", count / Math.max(seconds, 1e-9));
        line.put("images_per_s", count * training.experiment().data().batchSize() / Math.max(seconds, 1e-9));
        try {
            writer.write(mapper.writeValueAsString(line));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.metrics(), e);
        }
        sums.clear();
        count = 0;
        windowStart = now;
    }

    @Override
    public void onEnd(TrainingRun training, long completed) {
        close();
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + run.metrics(), e);
            }
            writer = null;
        }
    }
}
