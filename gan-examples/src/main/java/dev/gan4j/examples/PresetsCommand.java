package dev.gan4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gan4j.core.plugin.ComponentRegistry;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the shipped experiment presets.")
final class PresetsCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        for (String name : Presets.names()) {
            JsonNode tree = ComponentRegistry.strictMapper().readTree(Presets.json(name).orElseThrow());
            String marker = name.equals(Presets.DEFAULT) ? " (default)" : "";
            System.out.printf("%-24s %s%s%n", name, tree.path("description").asText(""), marker);
        }
        return 0;
    }
}
