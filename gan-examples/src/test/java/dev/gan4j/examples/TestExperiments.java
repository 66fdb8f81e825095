package dev.gan4j.examples;

import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small experiments on real Fashion-MNIST files (a few hundred examples), fast enough for unit tests. */
final class TestExperiments {
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static ComponentRegistry registry;

    private TestExperiments() {
    }

    static synchronized ComponentRegistry registry() {
        if (registry == null) {
            registry = Plugins.registry();
        }
        return registry;
    }

    static void assumeFashionMnist() {
        Assumptions.assumeTrue(Files.isRegularFile(FASHION_MNIST.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    }

    /** A small DCGAN on 512 Fashion-MNIST images. */
    static String smallDcgan(String name, int iterations, int checkpointEvery) {
        return """
                {
                  "name": "%s",
                  "seed": 7,
                  "data": {"type": "idx", "dataset": "fashion-mnist", "limit": 512, "batchSize": 32},
                  "generator": {"type": "dcgan", "latentDim": 16, "channels": [16, 8]},
                  "discriminator": {"type": "dcgan", "channels": [8, 16]},
                  "strategy": {"type": "non-saturating"},
                  "training": {"iterations": %d, "checkpointEvery": %d, "sampleEvery": 4, "logEvery": 2, "sampleGrid": 16}
                }
                """.formatted(name, iterations, checkpointEvery);
    }

    static Path write(Path dir, String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** Runs the command line, capturing what it prints. */
    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = GanCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    record Result(int exitCode, String out, String err) {
    }
}
