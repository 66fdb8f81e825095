package dev.gan4j.core.train;

/** A loss became NaN or infinite: training stops and nothing after the last good checkpoint is saved. */
public final class DivergenceException extends RuntimeException {
    private final long step;

    public DivergenceException(long step, String name, double value) {
        super("training diverged at step " + step + ": " + name + " = " + value
                + " (lower the learning rates in optimizers.*, or try another strategy)");
        this.step = step;
    }

    public DivergenceException(long step, String message) {
        super(message);
        this.step = step;
    }

    /** The zero-based index of the step that diverged. */
    public long step() {
        return step;
    }
}
