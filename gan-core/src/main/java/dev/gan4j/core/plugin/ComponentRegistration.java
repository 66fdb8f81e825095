package dev.gan4j.core.plugin;

import static java.util.Objects.requireNonNull;

/**
 * One named component: the JSON {@code type} name, the spec class Jackson builds for it and the
 * plugin that contributed it.
 */
public record ComponentRegistration(ComponentKind kind, String name, Class<?> specClass, String plugin) {
    public ComponentRegistration {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(specClass, "specClass is null");
        requireNonNull(plugin, "plugin is null");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("component names are short lower-case words joined by '-', found '" + name
                    + "' for " + specClass.getName());
        }
        if (!kind.specType().isAssignableFrom(specClass)) {
            throw new IllegalArgumentException(specClass.getName() + " is registered as " + kind.label() + " '" + name
                    + "' but does not implement " + kind.specType().getName());
        }
    }
}
