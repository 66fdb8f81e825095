package dev.gan4j.core.config;

/** One optimizer per network, so learning rates can differ (TTUR, Heusel et al. 2017). */
public record OptimizersSpec(OptimizerSpec generator, OptimizerSpec discriminator) {
    public OptimizersSpec {
        generator = generator == null ? OptimizerSpec.dcganDefault() : generator;
        discriminator = discriminator == null ? OptimizerSpec.dcganDefault() : discriminator;
    }

    public static OptimizersSpec defaults() {
        return new OptimizersSpec(null, null);
    }
}
