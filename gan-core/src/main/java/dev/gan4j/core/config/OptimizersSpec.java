package dev.gan4j.core.config;

/**
 * One optimizer per network, so learning rates can differ (TTUR, Heusel et al. 2017).
 *
 * @param encoder optimizer of a trainable encoder (default: the generator's settings)
 */
public record OptimizersSpec(OptimizerSpec generator, OptimizerSpec discriminator, OptimizerSpec encoder) {
    public OptimizersSpec {
        generator = generator == null ? OptimizerSpec.dcganDefault() : generator;
        discriminator = discriminator == null ? OptimizerSpec.dcganDefault() : discriminator;
        encoder = encoder == null ? generator : encoder;
    }

    public OptimizersSpec(OptimizerSpec generator, OptimizerSpec discriminator) {
        this(generator, discriminator, null);
    }

    public static OptimizersSpec defaults() {
        return new OptimizersSpec(null, null, null);
    }
}
