package dev.gan4j.core.plugin;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the plugins on the class path and builds the one injector of the application. */
public final class Plugins {
    private Plugins() {
    }

    /** Plugins listed in {@code META-INF/services/dev.gan4j.core.plugin.GanPlugin} visible to {@code loader}. */
    public static List<GanPlugin> discover(ClassLoader loader) {
        List<GanPlugin> plugins = new ArrayList<>();
        try {
            ServiceLoader.load(GanPlugin.class, loader).forEach(plugins::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a plugin on the class path (GAN_CLASSPATH) cannot be loaded; was its jar built"
                    + " against another version of gan-core? " + e.getMessage(), e);
        }
        return plugins;
    }

    public static Injector injector(List<? extends Module> modules) {
        return Guice.createInjector(modules);
    }

    /** The registry of every component contributed by the plugins on the class path. */
    public static ComponentRegistry registry() {
        return registry(Thread.currentThread().getContextClassLoader());
    }

    public static ComponentRegistry registry(ClassLoader loader) {
        List<GanPlugin> plugins = discover(loader);
        if (plugins.isEmpty()) {
            throw new IllegalStateException("no gan4j plugin found on the class path: add gan-models, gan-datasets and gan-trainers (or your own plugin jar)");
        }
        return injector(plugins).getInstance(ComponentRegistry.class);
    }
}
