package dev.gan4j.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a checkpoint every {@code checkpointEvery} steps and after the last step. */
public final class CheckpointListener implements TrainingListener {
    private final RunDirectory run;
    private final String configJson;
    private final ObjectMapper mapper;
    private final long dataSize;
    private final String dataFingerprint;
    private long lastWritten = -1;
    private Path latest;

    /**
     * @param dataSize        the examples batches are drawn from, recorded so that a resume on other data is refused
     * @param dataFingerprint the data's digest, recorded for the same reason; {@code null} when its source has none
     */
    public CheckpointListener(RunDirectory run, String configJson, long dataSize, String dataFingerprint, ObjectMapper mapper) {
        this.run = run;
        this.configJson = configJson;
        this.dataSize = dataSize;
        this.dataFingerprint = dataFingerprint;
        this.mapper = mapper;
    }

    @Override
    public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
        if (completed % training.experiment().training().checkpointEvery() == 0) {
            write(training, completed);
        }
    }

    @Override
    public void onEnd(TrainingRun training, long completed) {
        if (lastWritten != completed) {
            write(training, completed);
        }
    }

    /** The checkpoint this listener wrote last, or {@code null}. */
    public Path latest() {
        return latest;
    }

    private void write(TrainingRun training, long completed) {
        try {
            latest = Checkpoints.write(run, completed, training.experiment().seed(), training.model(),
                    training.dataShape(), dataSize, dataFingerprint, configJson, mapper);
            lastWritten = completed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + completed + " under " + run.checkpoints(), e);
        }
    }
}
