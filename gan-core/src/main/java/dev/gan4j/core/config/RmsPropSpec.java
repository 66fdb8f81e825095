package dev.gan4j.core.config;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * RMSProp, the optimizer of the original WGAN (Arjovsky et al. 2017). The defaults are that paper's: lr 5e-5,
 * and the squared-gradient average's decay 0.99 of the PyTorch optimizer its code used (DL4J's own default is 0.95).
 */
public record RmsPropSpec(Double lr, Double decay, Double epsilon) implements OptimizerSpec {
    public RmsPropSpec {
        lr = Checks.positive("lr", lr, 5e-5);
        decay = Checks.inRange("decay", decay, 0.99, 0, 1);
        epsilon = Checks.positive("epsilon", epsilon, 1e-8);
    }

    @Override
    public IUpdater toUpdater() {
        return new RmsProp(lr, decay, epsilon);
    }
}
