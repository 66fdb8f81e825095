package dev.gan4j.core.api;

/**
 * A data source drawn from a known mixture of isotropic Gaussians with equal weights, such as the 2-D
 * ring and grid of the mode-coverage benchmarks: evaluation can then count the modes a generator
 * reaches without a judge.
 */
public interface GaussianMixture {
    /** The component means, one row per mode. */
    double[][] means();

    /** The standard deviation of every component. */
    double std();
}
