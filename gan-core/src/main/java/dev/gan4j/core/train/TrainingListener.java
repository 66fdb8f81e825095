package dev.gan4j.core.train;

import java.util.Map;

/** Hooks into the training loop; every method has a no-op default. */
public interface TrainingListener {
    /** Before the first step of this process; {@code firstStep} is non-zero on resume. */
    default void onStart(TrainingRun run, long firstStep) {
    }

    /**
     * After each step.
     *
     * @param completed number of completed steps, counting those before a resume
     * @param values    the strategy's named values for this step
     */
    default void onStep(TrainingRun run, long completed, Map<String, Double> values) {
    }

    /** After the last step, when training finished normally. */
    default void onEnd(TrainingRun run, long completed) {
    }
}
