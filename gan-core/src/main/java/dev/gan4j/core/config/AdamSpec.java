package dev.gan4j.core.config;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/** Adam (Kingma &amp; Ba 2015). Defaults follow DCGAN: lr 2e-4, beta1 0.5. */
public record AdamSpec(Double lr, Double beta1, Double beta2, Double epsilon) implements OptimizerSpec {
    public AdamSpec {
        lr = Checks.positive("lr", lr, 2e-4);
        beta1 = Checks.inRange("beta1", beta1, 0.5, 0, 1);
        beta2 = Checks.inRange("beta2", beta2, 0.999, 0, 1);
        epsilon = Checks.positive("epsilon", epsilon, 1e-8);
    }

    @Override
    public IUpdater toUpdater() {
        return new Adam(lr, beta1, beta2, epsilon);
    }
}
