package dev.gan4j.datasets.folder;

import java.io.PrintStream;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A progress bar for work counted in items. On a terminal it redraws one line; in a log it prints a line at every
 * tenth of the work, so a long preparation shows it is alive either way.
 */
final class Progress {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final String what;
    private final int total;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private int lastTenth = -1;

    /**
     * @param what        what is being counted, e.g. {@code preparing /data/avatars}
     * @param interactive redraw one line (a terminal) rather than print lines (a log)
     */
    Progress(PrintStream out, String what, int total, boolean interactive) {
        this.out = requireNonNull(out, "out is null");
        this.what = requireNonNull(what, "what is null");
        this.total = total;
        this.interactive = interactive;
    }

    /** A bar on standard error, redrawn when standard error is a terminal. */
    static Progress onConsole(String what, int total) {
        return new Progress(System.err, what, total, System.console() != null);
    }

    void update(int done) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        if (interactive) {
            int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %.0f/s\u001b[K", what, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                    done, total, rate);
            if (done == total) {
                out.println();
            }
            out.flush();
            return;
        }
        int tenth = total == 0 ? 10 : (int) (10L * done / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.printf(Locale.ROOT, "%s: %d/%d (%.0f/s)%n", what, done, total, rate);
        }
    }
}
