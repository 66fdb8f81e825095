package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.StrategySpec;

/**
 * The error-driven alternation: D learns when it misjudges, G otherwise.
 *
 * @param margin how sure D must be, beyond 0.5, before G gets a turn (default 0.1)
 */
public record ErrorDrivenSpec(Double margin) implements StrategySpec {
    public ErrorDrivenSpec {
        margin = Checks.inRange("margin", margin, 0.1, 0, 0.5);
    }

    @Override
    public TrainingStrategy create() {
        return new ErrorDrivenStrategy(margin);
    }
}
