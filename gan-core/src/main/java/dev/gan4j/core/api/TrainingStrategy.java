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
     * @throws IllegalArgumentException naming what does not fit: an {@link dev.gan4j.core.config.InvalidValueException}
     *                                  for a field of the strategy's own section
     * @throws dev.gan4j.core.config.ConfigException for a field elsewhere in the experiment (the discriminator's, the
     *                                  encoder's), with its path
     */
    default void check(GanModel model) {
    }

    /**
     * The fewest examples a batch may hold: 1 for most strategies; 2 where D also judges real examples under
     * conditions taken from other examples of the batch (matching-aware training, Reed et al. 2016).
     */
    default int minimumBatchSize() {
        return 1;
    }
}
