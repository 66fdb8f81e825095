package dev.gan4j.trainers;

import dev.gan4j.core.config.Checks;

/** Validation shared by the strategy specs. */
final class StrategySteps {
    private StrategySteps() {
    }

    static int discriminatorSteps(Integer value, int defaultValue) {
        return Checks.positive("discriminatorSteps", value, defaultValue);
    }
}
