package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * Least-squares GAN (Mao et al. 2017).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 * @param stabilizers        label smoothing and instance noise (default none)
 * @param penalty            a gradient penalty on D (default none)
 */
public record LeastSquaresSpec(Integer discriminatorSteps, StabilizersSpec stabilizers, GradientPenaltySpec penalty)
        implements StrategySpec {
    public LeastSquaresSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
        stabilizers = StabilizersSpec.orNone(stabilizers);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.LEAST_SQUARES, discriminatorSteps, 0, stabilizers, penalty);
    }
}
