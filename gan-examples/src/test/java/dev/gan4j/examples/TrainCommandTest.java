package dev.gan4j.examples;

import dev.gan4j.core.plugin.ExperimentReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which run {@code gan train --resume} continues when no CONFIG is given. */
class TrainCommandTest {
    private final ExperimentReader reader = new ExperimentReader(TestExperiments.registry());

    @Test
    void resumingWithoutConfigContinuesTheDefaultPresetsRunUnlessTold() {
        assertEquals(Path.of("runs", Presets.DEFAULT), TrainCommand.resumeDirectory(reader, null, List.of()));
        assertEquals(Path.of("elsewhere"), TrainCommand.resumeDirectory(reader, Path.of("elsewhere"), List.of("name=other")));
        assertEquals(Path.of("runs", "other"), TrainCommand.resumeDirectory(reader, null, List.of("name=other")));
        assertEquals(Path.of("runs", "spaced"), TrainCommand.resumeDirectory(reader, null, List.of(" name =spaced")));
    }

    /** Overrides meant for the run's own config (here a key only error-driven has) do not have to fit the default preset. */
    @Test
    void theRunsOverridesAreNotCheckedAgainstTheDefaultPreset() {
        assertEquals(Path.of("runs", Presets.DEFAULT), TrainCommand.resumeDirectory(reader, null,
                List.of("strategy.margin=0.2", "training.iterations=100")));
    }
}
