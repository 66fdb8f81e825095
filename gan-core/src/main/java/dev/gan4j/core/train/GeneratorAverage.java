package dev.gan4j.core.train;

import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.EmaSpec;

/**
 * Keeps the averaged generator of a run up to date: after every generator update, moves the average
 * towards the new weights by {@code 1 - decay}; during the first {@code start} updates, copies them.
 * Counting generator updates rather than steps makes it independent of D steps per G step and of resumes.
 */
final class GeneratorAverage {
    private static final GeneratorAverage NONE = new GeneratorAverage(null, null, null);

    private final TrainableNetwork generator;
    private final TrainableNetwork averaged;
    private final EmaSpec spec;
    private long seenUpdates;

    private GeneratorAverage(TrainableNetwork generator, TrainableNetwork averaged, EmaSpec spec) {
        this.generator = generator;
        this.averaged = averaged;
        this.spec = spec;
        this.seenUpdates = generator == null ? 0 : generator.updateCount();
    }

    static GeneratorAverage of(TrainingRun run) {
        EmaSpec spec = run.experiment().training().ema();
        if (spec == null || run.model().averaged() == null) {
            return NONE;
        }
        return new GeneratorAverage(run.model().generator().network(), run.model().averaged().network(), spec);
    }

    void update() {
        if (generator == null || generator.updateCount() == seenUpdates) {
            return;
        }
        seenUpdates = generator.updateCount();
        averaged.blendFrom(generator, seenUpdates <= spec.start() ? 1 : 1 - spec.decay());
    }
}
