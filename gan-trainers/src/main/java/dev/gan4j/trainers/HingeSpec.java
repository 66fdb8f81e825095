package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;

/**
 * Hinge-loss GAN (Lim &amp; Ye 2017).
 *
 * @param discriminatorSteps D updates per G update (default 1)
 * @param stabilizers        instance noise (default none; label smoothing applies to the cross-entropy losses only)
 * @param penalty            a gradient penalty on D (default none)
 * @param matchingAware      D also learns that real examples under mismatched conditions are fake (Reed et al.
 *                           2016); conditional experiments only (default false)
 * @param auxiliary          how D's auxiliary classifier learns, when it has one (default: weight 1, from real and
 *                           generated examples)
 */
public record HingeSpec(Integer discriminatorSteps, StabilizersSpec stabilizers, GradientPenaltySpec penalty,
                        Boolean matchingAware, AuxiliarySpec auxiliary) implements StrategySpec {
    public HingeSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 1);
        stabilizers = StabilizersSpec.checkedFor(stabilizers, AdversarialLoss.HINGE);
        matchingAware = matchingAware != null && matchingAware;
        auxiliary = AuxiliarySpec.orStandard(auxiliary);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.HINGE, discriminatorSteps, 0, stabilizers, penalty, matchingAware,
                auxiliary);
    }
}
