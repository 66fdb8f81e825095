package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.StrategySpec;

/**
 * Wasserstein GAN (Arjovsky et al. 2017): five critic updates per generator update. The critic is kept
 * Lipschitz either by weight clipping to [-0.01, 0.01], the paper's setting, or, when a gradient penalty is
 * given, by the penalty alone (WGAN-GP, Gulrajani et al. 2017), or by spectral normalisation in the critic
 * with {@code weightClip} 0. The optimizers are the experiment's, Adam 2e-4 with beta1 0.5 unless set: the
 * papers' are {@code rmsprop} (lr 5e-5) with clipping, which the WGAN paper found Adam unstable with, and
 * Adam 1e-4 with betas (0, 0.9) with the penalty. The paper's warm-up (100 critic updates per generator
 * update at first) is not reproduced.
 *
 * @param discriminatorSteps critic updates per generator update (default 5)
 * @param weightClip         clip magnitude of the critic's parameters; 0 for none (default 0.01, or 0 with a penalty)
 * @param stabilizers        instance noise (default none)
 * @param penalty            a gradient penalty on the critic (default none)
 * @param matchingAware      the critic also scores real examples under mismatched conditions as fake (Reed et
 *                           al. 2016); conditional experiments only (default false)
 * @param auxiliary          how D's auxiliary classifier learns, when it has one (default: weight 1, from real and
 *                           generated examples)
 */
public record WassersteinSpec(Integer discriminatorSteps, Double weightClip, StabilizersSpec stabilizers,
                              GradientPenaltySpec penalty, Boolean matchingAware, AuxiliarySpec auxiliary) implements StrategySpec {
    public WassersteinSpec {
        discriminatorSteps = StrategySteps.discriminatorSteps(discriminatorSteps, 5);
        weightClip = weightClip == null ? (penalty == null ? 0.01 : 0.0) : weightClip;
        if (!(weightClip >= 0) || Double.isInfinite(weightClip)) {
            throw new InvalidValueException("weightClip", "must be a finite number >= 0, found " + weightClip);
        }
        stabilizers = StabilizersSpec.checkedFor(stabilizers, AdversarialLoss.WASSERSTEIN);
        matchingAware = matchingAware != null && matchingAware;
        auxiliary = AuxiliarySpec.orStandard(auxiliary);
    }

    public WassersteinSpec(Integer discriminatorSteps, Double weightClip, StabilizersSpec stabilizers, GradientPenaltySpec penalty) {
        this(discriminatorSteps, weightClip, stabilizers, penalty, null, null);
    }

    @Override
    public TrainingStrategy create() {
        return new AlternatingStrategy(AdversarialLoss.WASSERSTEIN, discriminatorSteps, weightClip, stabilizers, penalty, matchingAware,
                auxiliary);
    }
}
