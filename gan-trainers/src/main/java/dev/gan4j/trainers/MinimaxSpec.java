package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/** The original minimax game: G minimises log(1 - D(G(z))) (Goodfellow et al. 2014, equation 1). */
public record MinimaxSpec() implements StrategySpec {
    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(GeneratorObjective.MINIMAX);
    }
}
