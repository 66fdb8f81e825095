package dev.gan4j.models;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.GanPlugin;

/** Registers the built-in generator and discriminator architectures. */
public final class ModelsPlugin extends GanPlugin {
    @Override
    public String name() {
        return "gan-models";
    }

    @Override
    protected void registerComponents() {
        register(ComponentKind.GENERATOR, "mlp", MlpGeneratorSpec.class);
        register(ComponentKind.GENERATOR, "dcgan", DcganGeneratorSpec.class);
        register(ComponentKind.GENERATOR, "resnet", ResnetGeneratorSpec.class);
        register(ComponentKind.GENERATOR, "srresnet", SrresnetGeneratorSpec.class);
        register(ComponentKind.DISCRIMINATOR, "mlp", MlpDiscriminatorSpec.class);
        register(ComponentKind.DISCRIMINATOR, "dcgan", DcganDiscriminatorSpec.class);
        register(ComponentKind.DISCRIMINATOR, "resnet", ResnetDiscriminatorSpec.class);
        register(ComponentKind.DISCRIMINATOR, "resnet-acgan", ResnetAcganDiscriminatorSpec.class);
    }
}
