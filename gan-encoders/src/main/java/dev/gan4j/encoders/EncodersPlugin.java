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
        register(ComponentKind.ENCODER, "multi-hot", MultiHotEncoderSpec.class);
        register(ComponentKind.ENCODER, "text-hash", TextHashEncoderSpec.class);
        register(ComponentKind.ENCODER, "text-rnn", TextRnnEncoderSpec.class);
        register(ComponentKind.ENCODER, "conditioning-augmentation", ConditioningAugmentationSpec.class);
    }
}
