package com.example.gan;

import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.ComponentRegistration;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.TrainingListener;
import dev.gan4j.core.train.TrainingRun;
import dev.gan4j.core.train.TrainingSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user component goes through the same door as the built-ins: found by ServiceLoader, chosen in JSON, trained. */
class ExamplePluginTest {
    private static final String EXPERIMENT = """
            {
              "name": "user-discriminator",
              "seed": 3,
              "data": {"type": "idx", "dataset": "fashion-mnist", "limit": 256, "batchSize": 32},
              "generator": {"type": "mlp", "latentDim": 16, "hidden": [64]},
              "discriminator": {"type": "dropout-mlp", "hidden": [64], "keep": 0.8},
              "strategy": {"type": "non-saturating"},
              "training": {"iterations": 6, "checkpointEvery": 3, "sampleEvery": 3, "logEvery": 3}
            }
            """;

    @Test
    void serviceLoaderFindsTheUserPlugin() {
        ComponentRegistry registry = Plugins.registry();
        ComponentRegistration registration = registry.registrations(ComponentKind.DISCRIMINATOR).stream()
                .filter(r -> r.name().equals("dropout-mlp")).findFirst().orElseThrow();
        assertEquals("gan-example-plugin", registration.plugin());
        assertEquals(DropoutMlpDiscriminatorSpec.class, registration.specClass());
    }

    @Test
    void selectedFromJsonItTrainsAndCheckpoints(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        ComponentRegistry registry = Plugins.registry();
        Experiment experiment = new ExperimentReader(registry).read(EXPERIMENT, List.of());
        assertTrue(experiment.discriminator() instanceof DropoutMlpDiscriminatorSpec spec && spec.keep() == 0.8);

        ParameterWatch watch = new ParameterWatch();
        Path checkpoint = new TrainingSession(registry, DataContext.system(), new PrintStream(OutputStream.nullOutputStream()), false)
                .optListener(watch)
                .train(experiment, dir.resolve("run"), false);

        assertTrue(checkpoint.endsWith("step-6"), checkpoint.toString());
        assertNotEquals(watch.before, watch.after, "the user discriminator learned");
        assertEquals(6, watch.updates);
    }

    private static final class ParameterWatch implements TrainingListener {
        INDArray before;
        INDArray after;
        long updates;

        @Override
        public void onStart(TrainingRun run, long firstStep) {
            before = run.model().discriminator().network().parameters();
        }

        @Override
        public void onEnd(TrainingRun run, long completed) {
            after = run.model().discriminator().network().parameters();
            updates = run.model().discriminator().network().updateCount();
        }
    }
}
