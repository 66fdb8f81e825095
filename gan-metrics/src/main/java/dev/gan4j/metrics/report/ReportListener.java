package dev.gan4j.metrics.report;

import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.core.train.TrainingListener;
import dev.gan4j.core.train.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/** Writes {@code report.html} when training ends. */
public final class ReportListener implements TrainingListener {
    private final RunReport report;
    private final PrintStream console;

    public ReportListener(RunDirectory run, PrintStream console) {
        this.report = new RunReport(requireNonNull(run, "run is null"));
        this.console = requireNonNull(console, "console is null");
    }

    @Override
    public void onEnd(TrainingRun run, long completed) {
        try {
            console.println("report: " + report.write());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report.file(), e);
        }
    }
}
