package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/** The non-saturating GAN: G maximises log D(G(z)) (Goodfellow et al. 2014, section 3). */
public record NonSaturatingSpec() implements StrategySpec {
    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(GeneratorObjective.NON_SATURATING);
    }
}
