package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * Hinge-loss GAN (Lim &amp; Ye 2017).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 * @param stabilizers        label smoothing and instance noise (default none)
 * @param penalty            a gradient penalty on D (default none)
 */
public record HingeSpec(Integer discriminatorSteps, StabilizersSpec stabilizers, GradientPenaltySpec penalty)
        implements StrategySpec {
    public HingeSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
        stabilizers = StabilizersSpec.orNone(stabilizers);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.HINGE, discriminatorSteps, 0, stabilizers, penalty);
    }
}
