package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * The original minimax game: G minimises log(1 - D(G(z))) (Goodfellow et al. 2014, equation 1).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 * @param stabilizers        label smoothing and instance noise (default none)
 * @param penalty            a gradient penalty on D (default none)
 * @param matchingAware      D also learns that real examples under mismatched conditions are fake (Reed et al.
 *                           2016); conditional experiments only (default false)
 * @param auxiliary          how D's auxiliary classifier learns, when it has one (default: weight 1, from real and
 *                           generated examples)
 */
public record MinimaxSpec(Integer discriminatorSteps, StabilizersSpec stabilizers, GradientPenaltySpec penalty,
                          Boolean matchingAware, AuxiliarySpec auxiliary) implements StrategySpec {
    public MinimaxSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
        stabilizers = StabilizersSpec.orNone(stabilizers);
        matchingAware = matchingAware != null && matchingAware;
        auxiliary = AuxiliarySpec.orStandard(auxiliary);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.MINIMAX, discriminatorSteps, 0, stabilizers, penalty, matchingAware,
                auxiliary);
    }
}
