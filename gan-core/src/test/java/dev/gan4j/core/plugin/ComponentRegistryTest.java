package dev.gan4j.core.plugin;

import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.StrategySpec;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentRegistryTest {
    public record OneGenerator(Integer size) implements GeneratorSpec {
        @Override
        public dev.gan4j.core.api.Generator create(dev.gan4j.core.config.ModelContext context) {
            throw new UnsupportedOperationException();
        }
    }

    public record OtherGenerator() implements GeneratorSpec {
        @Override
        public dev.gan4j.core.api.Generator create(dev.gan4j.core.config.ModelContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void namesAreShortLowerCaseWords() {
        assertThrows(IllegalArgumentException.class, () -> new ComponentRegistration(ComponentKind.GENERATOR, "My.Generator",
                OneGenerator.class, "p"));
        assertThrows(IllegalArgumentException.class, () -> new ComponentRegistration(ComponentKind.GENERATOR, "",
                OneGenerator.class, "p"));
    }

    @Test
    void aSpecMustImplementItsKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ComponentRegistration(ComponentKind.STRATEGY, "one", OneGenerator.class, "p"));
        assertTrue(e.getMessage().contains(StrategySpec.class.getName()), e.getMessage());
    }

    @Test
    void duplicateNamesOfOneKindFailNamingBothPlugins() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ComponentRegistry(Set.of(
                new ComponentRegistration(ComponentKind.GENERATOR, "g", OneGenerator.class, "first"),
                new ComponentRegistration(ComponentKind.GENERATOR, "g", OtherGenerator.class, "second"))));
        assertTrue(e.getMessage().contains("first") && e.getMessage().contains("second")
                && e.getMessage().contains("OneGenerator") && e.getMessage().contains("OtherGenerator"), e.getMessage());
    }

    @Test
    void registeredNamesDeserializeStrictly() throws Exception {
        ComponentRegistry registry = new ComponentRegistry(Set.of(
                new ComponentRegistration(ComponentKind.GENERATOR, "one", OneGenerator.class, "p"),
                new ComponentRegistration(ComponentKind.GENERATOR, "other", OtherGenerator.class, "p")));
        assertEquals(Set.of("one", "other"), registry.names(ComponentKind.GENERATOR));
        GeneratorSpec spec = registry.mapper().readValue("{\"type\":\"one\",\"size\":3}", GeneratorSpec.class);
        assertEquals(new OneGenerator(3), spec);
        assertEquals("{\"type\":\"one\",\"size\":3}", registry.mapper().writer().without(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec));
        assertThrows(Exception.class, () -> registry.mapper().readValue("{\"type\":\"one\",\"size\":\"3\"}", GeneratorSpec.class));
        assertThrows(Exception.class, () -> registry.mapper().readValue("{\"type\":\"one\",\"sise\":3}", GeneratorSpec.class));
    }
}
