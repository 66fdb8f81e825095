package dev.gan4j.core.train;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainingStrategy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The training loop: pull a batch, let the strategy run one step, check the losses, tell the
 * listeners. Randomness of a step is seeded from (seed, step), so a run resumed from a checkpoint
 * computes what an uninterrupted run computes.
 */
public final class Trainer {
    private final TrainingRun run;
    private final TrainingStrategy strategy;
    private final BatchSchedule batches;
    private final List<TrainingListener> listeners;
    private final DataType dataType;

    public Trainer(TrainingRun run, TrainingStrategy strategy, BatchSchedule batches,
                   List<TrainingListener> listeners, DataType dataType) {
        this.run = requireNonNull(run, "run is null");
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.batches = requireNonNull(batches, "batches is null");
        this.listeners = List.copyOf(listeners);
        this.dataType = requireNonNull(dataType, "dataType is null");
    }

    /** Trains from step {@code firstStep} (the number of steps already done) to the configured iterations. */
    public void train(long firstStep) {
        long iterations = run.iterations();
        long seed = run.experiment().seed();
        int latentDim = run.model().generator().latentDim();
        GeneratorAverage average = GeneratorAverage.of(run);
        listeners.forEach(l -> l.onStart(run, firstStep));
        for (long step = firstStep; step < iterations; step++) {
            Nd4j.getRandom().setSeed(Seeds.derive(seed, Seeds.STEP, step));
            Batch batch = batches.reusingBatch(step);
            if (batch.examples().dataType() != dataType) {
                batch = batch.withExamples(batch.examples().castTo(dataType));
            }
            StepContext context = new GaussianStepContext(seed, step, latentDim, dataType);
            Map<String, Double> values = strategy.step(run.model(), batch, context);
            average.update();
            for (Map.Entry<String, Double> value : values.entrySet()) {
                if (!Double.isFinite(value.getValue())) {
                    throw new DivergenceException(step, value.getKey(), value.getValue());
                }
            }
            for (TrainingListener listener : listeners) {
                listener.onStep(run, step + 1, values);
            }
        }
        listeners.forEach(l -> l.onEnd(run, iterations));
    }
}
