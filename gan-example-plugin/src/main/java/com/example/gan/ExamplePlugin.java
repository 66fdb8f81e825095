package com.example.gan;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.GanPlugin;

/**
 * The plugin of a user's jar, listed in {@code META-INF/services/dev.gan4j.core.plugin.GanPlugin}:
 * with the jar on the class path, {@code "discriminator": {"type": "dropout-mlp"}} selects it.
 */
public final class ExamplePlugin extends GanPlugin {
    @Override
    public String name() {
        return "gan-example-plugin";
    }

    @Override
    protected void registerComponents() {
        register(ComponentKind.DISCRIMINATOR, "dropout-mlp", DropoutMlpDiscriminatorSpec.class);
    }
}
