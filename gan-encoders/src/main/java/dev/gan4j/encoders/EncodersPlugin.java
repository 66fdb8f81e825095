package dev.gan4j.encoders;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.GanPlugin;

/** Registers the built-in condition encoders. */
public final class EncodersPlugin extends GanPlugin {
    @Override
    public String name() {
        return "gan-encoders";
    }

    @Override
    protected void registerComponents() {
        register(ComponentKind.ENCODER, "none", NoneEncoderSpec.class);
        register(ComponentKind.ENCODER, "one-hot", OneHotEncoderSpec.class);
    }
}
