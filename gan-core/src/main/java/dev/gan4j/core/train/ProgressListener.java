package dev.gan4j.core.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Console progress: step, iterations per second, ETA and the latest values. On a terminal it
 * redraws one line; otherwise (a log file, CI) it prints a plain line every {@code logEvery} steps.
 */
public final class ProgressListener implements TrainingListener {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long startNanos;
    private long firstStep;
    private long lastDraw;

    public ProgressListener(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void onStart(TrainingRun run, long firstStep) {
        this.firstStep = firstStep;
        this.startNanos = System.nanoTime();
        out.printf(Locale.ROOT, "training %s: steps %d to %d%n", run.experiment().name(), firstStep, run.iterations());
    }

    @Override
    public void onStep(TrainingRun run, long completed, Map<String, Double> values) {
        long now = System.nanoTime();
        boolean last = completed == run.iterations();
        if (interactive) {
            if (now - lastDraw >= REDRAW_NANOS || last) {
                out.print("\r" + line(run, completed, values, now, true) + "\u001b[K");
                out.flush();
                lastDraw = now;
            }
        } else if (completed % run.experiment().training().logEvery() == 0 || last) {
            out.println(line(run, completed, values, now, false));
        }
    }

    @Override
    public void onEnd(TrainingRun run, long completed) {
        if (interactive) {
            out.println();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, "done: %d steps in %.1f s%n", completed - firstStep, seconds);
    }

    private String line(TrainingRun run, long completed, Map<String, Double> values, long now, boolean bar) {
        long total = run.iterations();
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = (completed - firstStep) / seconds;
        long remaining = rate > 0 ? Math.round((total - completed) / rate) : 0;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "step %d/%d", completed, total));
        if (bar) {
            int filled = (int) (BAR_WIDTH * completed / Math.max(1, total));
            s.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']');
        }
        s.append(String.format(Locale.ROOT, " %.1f it/s ETA %d:%02d", rate, remaining / 60, remaining % 60));
        values.forEach((k, v) -> s.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
        return s.toString();
    }
}
