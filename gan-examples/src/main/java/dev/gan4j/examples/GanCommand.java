package dev.gan4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.JsonErrors;
import dev.gan4j.core.train.CorruptCheckpointException;
import dev.gan4j.core.train.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@code gan} command line: train, sample, inspect. */
@Command(name = "gan", mixinStandardHelpOptions = true, versionProvider = GanCommand.Version.class,
        description = "Train and sample generative adversarial networks on the JVM.",
        subcommands = {TrainCommand.class, SampleCommand.class, ServeCommand.class, EvaluateCommand.class, JudgeCommand.class, ReportCommand.class, BenchCommand.class, ValidateCommand.class, ComponentsCommand.class,
                PresetsCommand.class, DataCommand.class, DownloadCommand.class, CommandLine.HelpCommand.class})
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
            commandLine.getErr().println("error: " + message(e));
            if (!debug && !deliberate(e)) {
                commandLine.getErr().println("(set GAN_DEBUG=1 for the stack trace)");
            }
            return e instanceof ConfigException || e instanceof UsageException ? 2 : 1;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            cli.getErr().println("error: the Java heap is full (" + e.getMessage() + "); give the JVM more with GAN_JAVA_OPTS: "
                    + "the default options of ./gan with a larger -Xmx");
            return 1;
        }
    }

    /**
     * The message of {@code e}, with the cause of an {@link UncheckedIOException} unless the message already says it,
     * and every Jackson message in it (of {@code e} or a cause) in {@link JsonErrors}' words, without Jackson's
     * {@code [Source: ...]} location.
     */
    static String message(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof UncheckedIOException io && io.getCause() != null && io.getCause().getMessage() != null
                && !message.contains(io.getCause().getMessage())) {
            message = message + ": " + io.getCause().getMessage();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                message = message.replace(json.getMessage(), JsonErrors.describe(json));
            }
        }
        return message;
    }

    /**
     * Whether gan4j raised {@code e} on purpose with a message for the user: one of its own exceptions, or an
     * argument, state or I/O exception thrown by gan4j code. The stack-trace hint is for everything else: what the
     * JVM raises (a null dereference, a division by zero) and what a library raises from inside.
     */
    static boolean deliberate(Throwable e) {
        if (e instanceof ConfigException || e instanceof UsageException || e instanceof DivergenceException
                || e instanceof CorruptCheckpointException) {
            return true;
        }
        boolean standard = e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException
                || e instanceof UncheckedIOException;
        StackTraceElement[] trace = e.getStackTrace();
        return standard && e.getMessage() != null && trace.length > 0 && trace[0].getClassName().startsWith("dev.gan4j.");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gan4j " + dev.gan4j.core.train.Versions.gan4j() + " (DL4J " + dev.gan4j.core.train.Versions.dl4j() + ")"};
        }
    }
}
