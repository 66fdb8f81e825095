package dev.gan4j.trainers;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.GanPlugin;

/** Registers the built-in training strategies. */
public final class TrainersPlugin extends GanPlugin {
    @Override
    public String name() {
        return "gan-trainers";
    }

    @Override
    protected void registerComponents() {
        register(ComponentKind.STRATEGY, "minimax", MinimaxSpec.class);
        register(ComponentKind.STRATEGY, "non-saturating", NonSaturatingSpec.class);
        register(ComponentKind.STRATEGY, "least-squares", LeastSquaresSpec.class);
        register(ComponentKind.STRATEGY, "hinge", HingeSpec.class);
        register(ComponentKind.STRATEGY, "wasserstein", WassersteinSpec.class);
        register(ComponentKind.STRATEGY, "error-driven", ErrorDrivenSpec.class);
    }
}
