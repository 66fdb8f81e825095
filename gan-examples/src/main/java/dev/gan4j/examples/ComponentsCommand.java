package dev.gan4j.examples;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.ComponentRegistration;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "components", mixinStandardHelpOptions = true,
        description = "List the registered component names per kind, with the plugin that contributed each.")
final class ComponentsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        ComponentRegistry registry = Plugins.registry();
        int width = 16;
        for (ComponentKind kind : ComponentKind.values()) {
            for (ComponentRegistration r : registry.registrations(kind)) {
                width = Math.max(width, r.name().length());
            }
        }
        for (ComponentKind kind : ComponentKind.values()) {
            System.out.println(kind.label() + ":");
            for (ComponentRegistration r : registry.registrations(kind)) {
                System.out.printf("  %-" + width + "s %-20s %s%n", r.name(), r.plugin(), r.specClass().getName());
            }
        }
        return 0;
    }
}
