package dev.gan4j.core.api;

import java.util.Map;

/**
 * One training step of an adversarial game: which networks update, how often, with what loss.
 * Implementations back-propagate D's input gradient through G for G's update.
 */
public interface TrainingStrategy {
    /**
     * Runs one step on a batch of real examples.
     *
     * @return named scalar values of this step (losses, mean D outputs), logged to {@code metrics.jsonl};
     *     a non-finite value stops the run
     */
    Map<String, Double> step(GanModel model, Batch real, StepContext context);

    /**
     * Checks, before training starts, that the model suits this strategy (a gradient penalty needs a
     * discriminator without batch normalisation, for example).
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    default void check(GanModel model) {
    }
}
