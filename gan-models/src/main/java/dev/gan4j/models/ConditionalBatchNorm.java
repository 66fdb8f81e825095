package dev.gan4j.models;

import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;

/**
 * The {@code conditionalBatchNorm} option of the built-in generators: every batch norm of the generator becomes
 * a conditional batch norm (de Vries et al. 2017, "Modulating early visual processing by language"), whose
 * per-channel scale and shift are learned linear functions of the condition, as in the generators of Miyato
 * &amp; Koyama 2018 ("cGANs with Projection Discriminator") and BigGAN (Brock et al. 2019). The condition still
 * enters the first layer beside z as well. Off by default; it needs the fast layers and a conditional
 * experiment, and an untrained generator with it computes exactly what one without it computes.
 */
final class ConditionalBatchNorm {
    static final String FIELD = "conditionalBatchNorm";

    private ConditionalBatchNorm() {
    }

    /** The option's value, false when absent; DL4J's stock layers have no conditional batch norm. */
    static boolean option(Boolean conditionalBatchNorm, LayerEngine engine) {
        boolean on = conditionalBatchNorm != null && conditionalBatchNorm;
        if (on && engine != LayerEngine.FAST) {
            throw new InvalidValueException(FIELD, "needs the fast layers (\"layers\": \"fast\"); DL4J's stock layers, chosen by"
                    + " \"layers\": \"" + engine.id() + "\", have no conditional batch norm");
        }
        return on;
    }

    /**
     * Starts the generator's network conditioned on the last {@code context.conditionDim()} input columns when
     * the option is on; an unconditional experiment has no condition to modulate by, which is an error.
     */
    static void declare(FastNetwork.Builder builder, boolean on, ModelContext context) {
        if (!on) {
            return;
        }
        if (context.conditionDim() == 0) {
            throw new InvalidValueException(FIELD, "modulates batch norm by the condition, but this experiment is unconditional"
                    + " (it has no encoder); remove the option or set it to false");
        }
        builder.conditioned(context.conditionDim());
    }

    /** A batch norm, conditional when the option is on. */
    static FastNetwork.Builder batchNorm(FastNetwork.Builder builder, boolean on) {
        return on ? builder.conditionalBatchNorm() : builder.batchNorm();
    }
}
