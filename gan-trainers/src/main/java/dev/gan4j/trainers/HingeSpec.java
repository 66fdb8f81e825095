package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * Hinge-loss GAN (Lim &amp; Ye 2017).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 */
public record HingeSpec(Integer discriminatorSteps) implements StrategySpec {
    public HingeSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.HINGE, discriminatorSteps, 0);
    }
}
