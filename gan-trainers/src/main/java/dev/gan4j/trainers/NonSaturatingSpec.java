package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * The non-saturating GAN: G maximises log D(G(z)) (Goodfellow et al. 2014, section 3).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 * @param stabilizers        label smoothing and instance noise (default none)
 * @param penalty            a gradient penalty on D (default none)
 */
public record NonSaturatingSpec(Integer discriminatorSteps, StabilizersSpec stabilizers, GradientPenaltySpec penalty)
        implements StrategySpec {
    public NonSaturatingSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
        stabilizers = StabilizersSpec.orNone(stabilizers);
    }

    public NonSaturatingSpec() {
        this(null, null, null);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.NON_SATURATING, discriminatorSteps, 0, stabilizers, penalty);
    }
}
