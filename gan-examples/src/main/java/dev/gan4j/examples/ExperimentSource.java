package dev.gan4j.examples;

import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resolves the CONFIG argument of the commands: a JSON file, or the name of a shipped preset. */
final class ExperimentSource {
    private ExperimentSource() {
    }

    static Experiment load(ExperimentReader reader, String config, List<String> overrides) {
        Path file = Path.of(config);
        if (Files.isRegularFile(file)) {
            return reader.read(file, overrides);
        }
        return Presets.json(config)
                .map(json -> reader.read(json, overrides))
                .orElseThrow(() -> new ConfigException("", "'" + config + "' is neither a config file nor a preset; presets: "
                        + Presets.names()));
    }
}
