package dev.gan4j.core.config;

/**
 * Length of the run and how often listeners act.
 *
 * @param iterations      training steps (one batch each)
 * @param checkpointEvery steps between checkpoints; the last step is always checkpointed
 * @param sampleEvery     steps between sample grids; the last step always gets one
 * @param logEvery        steps between metric lines in {@code metrics.jsonl} and plain progress lines
 * @param sampleGrid      number of samples in each grid (a square number fills the grid)
 * @param ema             a moving average of the generator's weights for sampling and evaluation; {@code null} for none
 */
public record TrainingSpec(Integer iterations, Integer checkpointEvery, Integer sampleEvery, Integer logEvery,
                           Integer sampleGrid, EmaSpec ema) {
    public TrainingSpec {
        iterations = Checks.positive("iterations", iterations, 3000);
        checkpointEvery = Checks.positive("checkpointEvery", checkpointEvery, 1000);
        sampleEvery = Checks.positive("sampleEvery", sampleEvery, 500);
        logEvery = Checks.positive("logEvery", logEvery, 50);
        sampleGrid = Checks.positive("sampleGrid", sampleGrid, 64);
    }

    public static TrainingSpec defaults() {
        return new TrainingSpec(null, null, null, null, null, null);
    }
}
