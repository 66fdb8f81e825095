package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * The original minimax game: G minimises log(1 - D(G(z))) (Goodfellow et al. 2014, equation 1).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 * @param stabilizers        label smoothing and instance noise (default none)
 * @param penalty            a gradient penalty on D (default none)
 */
public record MinimaxSpec(Integer discriminatorSteps, StabilizersSpec stabilizers, GradientPenaltySpec penalty)
        implements StrategySpec {
    public MinimaxSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
        stabilizers = StabilizersSpec.orNone(stabilizers);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.MINIMAX, discriminatorSteps, 0, stabilizers, penalty);
    }
}
