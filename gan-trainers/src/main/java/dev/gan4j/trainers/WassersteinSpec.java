package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.StrategySpec;

/**
 * Wasserstein GAN with weight clipping (Arjovsky et al. 2017): five critic updates per generator update
 * and critic weights clipped to [-0.01, 0.01] by default, the paper's settings (with RMSProp, lr 5e-5).
 *
 * @param discriminatorSteps critic updates per generator update (default 5)
 * @param weightClip         clip magnitude of the critic's parameters (default 0.01)
 * @param stabilizers        instance noise (default none)
 */
public record WassersteinSpec(Integer discriminatorSteps, Double weightClip, StabilizersSpec stabilizers) implements StrategySpec {
    public WassersteinSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 5);
        weightClip = Checks.positive("weightClip", weightClip, 0.01);
        stabilizers = StabilizersSpec.orNone(stabilizers);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.WASSERSTEIN, discriminatorSteps, weightClip, stabilizers);
    }
}
