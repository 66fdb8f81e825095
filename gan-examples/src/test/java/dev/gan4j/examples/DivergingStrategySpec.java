package dev.gan4j.examples;

import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.StrategySpec;
import dev.gan4j.trainers.NonSaturatingSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test strategy: trains like non-saturating, then reports a NaN loss at step {@code at} (zero-based). */
public record DivergingStrategySpec(int at) implements StrategySpec {
    @Override
    public TrainingStrategy create() {
        TrainingStrategy delegate = new NonSaturatingSpec().create();
        return (model, real, context) -> {
            Map<String, Double> values = new LinkedHashMap<>(delegate.step(model, real, context));
            if (context.step() >= at) {
                values.put("g_loss", Double.NaN);
            }
            return values;
        };
    }
}
