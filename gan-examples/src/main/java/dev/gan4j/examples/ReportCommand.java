package dev.gan4j.examples;

import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.metrics.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN_DIR/report.html: config, loss and metric curves, sample grids, final numbers.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        System.out.println("report: " + new RunReport(new RunDirectory(runDir)).write());
        return 0;
    }
}
