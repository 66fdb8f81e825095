package dev.gan4j.core.train;

/**
 * A loss or a network's parameters became NaN or infinite: training stops and nothing after the last good
 * checkpoint is saved.
 */
public final class DivergenceException extends RuntimeException {
    /** A resume refuses changed optimizers or strategy, so the advice says where such a change can go. */
    private static final String ADVICE = " (lower the learning rates in optimizers.* or try another strategy, in a fresh run"
            + " with another --run-dir: --resume does not accept changes to them)";

    private final long step;

    public DivergenceException(long step, String name, double value) {
        super("training diverged at step " + step + ": " + name + " = " + value + ADVICE);
        this.step = step;
    }

    public DivergenceException(long step, String message) {
        super(message);
        this.step = step;
    }

    /** The parameters of {@code network} are not finite after {@code completed} steps; the losses were. */
    static DivergenceException nonFiniteParameters(long completed, String network) {
        return new DivergenceException(completed - 1, "training diverged by step " + completed + ": the parameters of "
                + network + " are NaN or infinite" + ADVICE);
    }

    /** The zero-based index of the step that diverged (for diverged parameters, the last step before the check). */
    public long step() {
        return step;
    }
}
