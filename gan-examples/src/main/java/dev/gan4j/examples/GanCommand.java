package dev.gan4j.examples;

import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.train.CorruptCheckpointException;
import dev.gan4j.core.train.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

/** The {@code gan} command line: train, sample, inspect. */
@Command(name = "gan", mixinStandardHelpOptions = true, versionProvider = GanCommand.Version.class,
        description = "Train and sample generative adversarial networks on the JVM.",
        subcommands = {TrainCommand.class, SampleCommand.class, EvaluateCommand.class, JudgeCommand.class, ReportCommand.class, BenchCommand.class, ValidateCommand.class, ComponentsCommand.class,
                PresetsCommand.class, DownloadCommand.class, CommandLine.HelpCommand.class})
public final class GanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 success, 1 failure, 2 bad usage or config. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new GanCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = System.getenv("GAN_DEBUG") != null;
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof UncheckedIOException io && io.getCause() != null) {
                message = message + ": " + io.getCause().getMessage();
            }
            commandLine.getErr().println("error: " + message);
            if (!debug && !(e instanceof ConfigException || e instanceof DivergenceException
                    || e instanceof CorruptCheckpointException || e instanceof IllegalStateException)) {
                commandLine.getErr().println("(set GAN_DEBUG=1 for the stack trace)");
            }
            return e instanceof ConfigException ? 2 : 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gan4j " + dev.gan4j.core.train.Versions.gan4j() + " (DL4J " + dev.gan4j.core.train.Versions.dl4j() + ")"};
        }
    }
}
