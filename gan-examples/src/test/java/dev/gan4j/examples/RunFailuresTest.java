package dev.gan4j.examples;

import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.train.Checkpoints;
import dev.gan4j.core.train.CorruptCheckpointException;
import dev.gan4j.core.train.DivergenceException;
import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.core.train.TrainingListener;
import dev.gan4j.core.train.TrainingRun;
import dev.gan4j.core.train.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small toy-ring runs that break as long runs do: weights gone NaN, killed writes, damaged checkpoints. */
class RunFailuresTest {
    private final ExperimentReader reader = new ExperimentReader(TestExperiments.registry());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Experiment ring(int iterations, int checkpointEvery, String... overrides) {
        List<String> all = new ArrayList<>(List.of("data.size=500", "data.batchSize=32", "generator.hidden=[16]",
                "discriminator.hidden=[16]", "training.iterations=" + iterations, "training.checkpointEvery=" + checkpointEvery,
                "training.sampleEvery=1000", "training.logEvery=1"));
        all.addAll(List.of(overrides));
        return ExperimentSource.load(reader, "toy-ring", all);
    }

    private TrainingSession session() {
        return new TrainingSession(TestExperiments.registry(), DataContext.system(),
                new PrintStream(console, true, StandardCharsets.UTF_8), false);
    }

    private static List<String> checkpointNames(Path runDir) throws Exception {
        try (Stream<Path> entries = Files.list(new RunDirectory(runDir).checkpoints())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void weightsBrokenByTheLastUpdateFailTheRunInsteadOfBeingCheckpointed(@TempDir Path dir) throws Exception {
        Experiment poisoned = ring(5, 2, "strategy={\"type\":\"test-poison\",\"at\":4}");
        Path run = dir.resolve("run");
        DivergenceException e = assertThrows(DivergenceException.class, () -> session().train(poisoned, run, false));
        assertTrue(e.getMessage().contains("parameters of discriminator are NaN or infinite")
                && e.getMessage().contains("the last good checkpoint is " + run.resolve("checkpoints/step-4")), e.getMessage());
        assertEquals(List.of("step-2", "step-4"), checkpointNames(run));
    }

    @Test
    void theDivergenceAdviceSendsChangedOptimizersToAFreshRunAsResumeRefusesThem(@TempDir Path dir) {
        Path run = dir.resolve("run");
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> session().train(ring(4, 2, "strategy={\"type\":\"test-diverge\",\"at\":3}"), run, false));
        assertTrue(e.getMessage().contains("in a fresh run with another --run-dir"), e.getMessage());
        assertThrows(dev.gan4j.core.config.ConfigException.class,
                () -> session().train(ring(4, 2, "optimizers.generator.lr=0.0001"), run, true),
                "what the advice steers away from: resume refuses a changed optimizer");
    }

    @Test
    void aDamagedNewestCheckpointIsSkippedWithAWarningAndResumeUsesTheOneBefore(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        session().train(ring(4, 2), run, false);
        Path newest = run.resolve("checkpoints/step-4");
        flipAByte(newest.resolve("generator.bin"));

        Path last = session().train(ring(6, 2), run, true);
        assertEquals(run.resolve("checkpoints/step-6"), last);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("warning: skipping checkpoint step-4: checkpoint file " + newest.resolve("generator.bin")
                + " is corrupt") && printed.contains("resuming from " + run.resolve("checkpoints/step-2")), printed);
        Checkpoints.read(newest, TestExperiments.registry().mapper());

        for (String step : List.of("step-2", "step-4", "step-6")) {
            flipAByte(run.resolve("checkpoints").resolve(step).resolve("discriminator.bin"));
        }
        CorruptCheckpointException none = assertThrows(CorruptCheckpointException.class,
                () -> session().train(ring(8, 2), run, true));
        assertTrue(none.getMessage().startsWith("no checkpoint in " + run.resolve("checkpoints") + " is readable: step-6: ")
                && none.getMessage().contains("; step-4: ") && none.getMessage().contains("; step-2: "), none.getMessage());
    }

    @Test
    void aCrashWhileAListenerRecordsACheckpointStepLeavesThatStepToBeRedone(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        TrainingListener crashingEvaluation = new TrainingListener() {
            @Override
            public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
                if (completed == 4) {
                    throw new IllegalStateException("killed while evaluating step 4");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> session().optListener(crashingEvaluation).train(ring(6, 2), run, false));
        assertEquals(List.of("step-2"), checkpointNames(run));

        List<Long> seen = new ArrayList<>();
        TrainingListener evaluation = new TrainingListener() {
            @Override
            public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
                seen.add(completed);
            }
        };
        session().optListener(evaluation).train(ring(6, 2), run, true);
        assertEquals(List.of(3L, 4L, 5L, 6L), seen);
    }

    /** A second training process in the same run directory is refused while the first runs, and allowed after. */
    @Test
    void oneTrainingProcessPerRunDirectory(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        List<RuntimeException> refused = new ArrayList<>();
        TrainingListener intruder = new TrainingListener() {
            @Override
            public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
                if (completed == 1) {
                    refused.add(assertThrows(IllegalStateException.class, () -> session().train(ring(2, 2), run, true)));
                }
            }
        };
        session().optListener(intruder).train(ring(2, 2), run, false);
        assertTrue(refused.get(0).getMessage().contains("another training process is using run directory " + run),
                refused.get(0).getMessage());
        session().train(ring(4, 2), run, true);

        Path never = dir.resolve("never");
        assertThrows(dev.gan4j.core.config.ConfigException.class, () -> session().train(ring(2, 2, "data.batchSize=1000"), never, false));
        assertFalse(Files.exists(never), "a run refused before training leaves no directory behind");
    }

    @Test
    void aSessionRemovesTheTemporaryFilesOfAKilledRun(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunDirectory files = new RunDirectory(run);
        List<Path> leftovers = List.of(files.root().resolve(".config.json.tmp-999999999-a1"),
                files.samples().resolve(".step-2.png.tmp-999999999-a2"));
        for (Path leftover : leftovers) {
            Files.createDirectories(leftover.getParent());
            Files.writeString(leftover, "cut off");
        }
        session().train(ring(2, 2), run, false);
        for (Path leftover : leftovers) {
            assertFalse(Files.exists(leftover), "a fresh run removes " + leftover);
        }

        Path checkpointLeftover = Files.createDirectory(files.checkpoints().resolve(".step-4.tmp-999999999-b1"));
        Files.writeString(checkpointLeftover.resolve("generator.bin"), "cut off");
        Path metricsLeftover = Files.writeString(files.root().resolve(".metrics.jsonl.tmp-999999999-b2"), "cut off");
        session().train(ring(4, 2), run, true);
        assertFalse(Files.exists(checkpointLeftover) || Files.exists(metricsLeftover), "a resumed run removes them too");
        assertEquals(List.of("step-2", "step-4"), checkpointNames(run));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("removed what an interrupted run left unfinished: "));
    }

    private static void flipAByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
    }
}
