package dev.gan4j.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * The plugin SPI: each module of the framework, and each user jar, contributes one subclass listed
 * in {@code META-INF/services/dev.gan4j.core.plugin.GanPlugin}. It registers its components by name;
 * built-ins and user components take exactly this path.
 *
 * <p>Like any Guice module it must be fast and free of side effects: registrations only, no I/O.
 */
public abstract class GanPlugin extends AbstractModule {
    /** A short name shown by {@code gan components}, usually the artifact id. */
    public abstract String name();

    /** Calls {@link #register} once per component. */
    protected abstract void registerComponents();

    @Override
    protected final void configure() {
        Multibinder.newSetBinder(binder(), ComponentRegistration.class);
        registerComponents();
    }

    protected final void register(ComponentKind kind, String name, Class<?> specClass) {
        Multibinder.newSetBinder(binder(), ComponentRegistration.class)
                .addBinding()
                .toInstance(new ComponentRegistration(kind, name, specClass, name()));
    }
}
