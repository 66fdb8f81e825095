package dev.gan4j.core.api;

/**
 * Judges examples: its network maps {@code [n, ...inputShape]} to one logit per example,
 * {@code [n, 1]}, positive for "real".
 */
public interface Discriminator {
    Shape inputShape();

    /** Size of the condition vector the discriminator reads; 0 for unconditional ones. */
    int conditionDim();

    TrainableNetwork network();
}
