package dev.gan4j.examples;

import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;
import dev.gan4j.trainers.NonSaturatingSpec;

/**
 * Test strategy: trains like non-saturating, but from step {@code at} (zero-based) on leaves the discriminator's
 * parameters NaN while reporting the finite losses computed before, as an update that breaks the weights does.
 */
public record PoisoningStrategySpec(int at) implements StrategySpec {
    @Override
    public TrainingStrategy create() {
        TrainingStrategy delegate = new NonSaturatingSpec().create();
        return (model, real, context) -> {
            var values = delegate.step(model, real, context);
            if (context.step() >= at) {
                TrainableNetwork d = model.discriminator().network();
                d.setParameters(d.parameters().assign(Double.NaN));
            }
            return values;
        };
    }
}
