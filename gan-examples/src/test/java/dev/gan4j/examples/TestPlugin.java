package dev.gan4j.examples;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.GanPlugin;

/** Components that exist only on the test class path, found through the same SPI as everything else. */
public final class TestPlugin extends GanPlugin {
    @Override
    public String name() {
        return "test-plugin";
    }

    @Override
    protected void registerComponents() {
        register(ComponentKind.STRATEGY, "test-diverge", DivergingStrategySpec.class);
        register(ComponentKind.STRATEGY, "test-poison", PoisoningStrategySpec.class);
    }
}
