package dev.gan4j.core.config;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/** Stochastic gradient descent, with Nesterov momentum when {@code momentum > 0}. */
public record SgdSpec(Double lr, Double momentum) implements OptimizerSpec {
    public SgdSpec {
        lr = Checks.positive("lr", lr, 0.01);
        momentum = Checks.inRange("momentum", momentum, 0.0, 0, 1);
    }

    @Override
    public IUpdater toUpdater() {
        return momentum > 0 ? new Nesterovs(lr, momentum) : new Sgd(lr);
    }
}
