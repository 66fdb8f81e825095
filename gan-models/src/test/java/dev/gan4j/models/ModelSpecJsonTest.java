package dev.gan4j.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code spectralNorm} and {@code batchNorm} options of the built-in models, as JSON configs read and write them. */
class ModelSpecJsonTest {
    private final ObjectMapper mapper = Plugins.registry().mapper();

    private JsonNode generator(String json) throws Exception {
        GeneratorSpec spec = mapper.readValue(json, GeneratorSpec.class);
        JsonNode tree = mapper.readTree(mapper.writerFor(GeneratorSpec.class).writeValueAsString(spec));
        GeneratorSpec again = mapper.treeToValue(tree, GeneratorSpec.class);
        assertEquals(tree, mapper.readTree(mapper.writerFor(GeneratorSpec.class).writeValueAsString(again)), "round trip");
        return tree;
    }

    private JsonNode discriminator(String json) throws Exception {
        DiscriminatorSpec spec = mapper.readValue(json, DiscriminatorSpec.class);
        JsonNode tree = mapper.readTree(mapper.writerFor(DiscriminatorSpec.class).writeValueAsString(spec));
        DiscriminatorSpec again = mapper.treeToValue(tree, DiscriminatorSpec.class);
        assertEquals(tree, mapper.readTree(mapper.writerFor(DiscriminatorSpec.class).writeValueAsString(again)), "round trip");
        return tree;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcgan", "mlp"})
    void spectralNormIsOffByDefaultAndRoundTrips(String type) throws Exception {
        assertFalse(generator("{\"type\": \"" + type + "\"}").get("spectralNorm").booleanValue());
        assertFalse(discriminator("{\"type\": \"" + type + "\"}").get("spectralNorm").booleanValue());
        assertTrue(generator("{\"type\": \"" + type + "\", \"spectralNorm\": true}").get("spectralNorm").booleanValue());
        JsonNode d = discriminator("{\"type\": \"" + type + "\", \"spectralNorm\": true, \"layers\": \"fast\"}");
        assertTrue(d.get("spectralNorm").booleanValue());
        assertEquals("fast", d.get("layers").textValue());
    }

    @Test
    void dcganDiscriminatorBatchNormIsOnByDefaultAndCanBeTurnedOff() throws Exception {
        assertTrue(discriminator("{\"type\": \"dcgan\"}").get("batchNorm").booleanValue());
        JsonNode snGan = discriminator("{\"type\": \"dcgan\", \"batchNorm\": false, \"spectralNorm\": true}");
        assertFalse(snGan.get("batchNorm").booleanValue());
        assertTrue(snGan.get("spectralNorm").booleanValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcgan", "mlp"})
    void spectralNormOnStockLayersNamesTheField(String type) {
        String json = "{\"type\": \"" + type + "\", \"spectralNorm\": true, \"layers\": \"dl4j\"}";
        for (Class<?> kind : new Class<?>[] {GeneratorSpec.class, DiscriminatorSpec.class}) {
            ValueInstantiationException e = assertThrows(ValueInstantiationException.class, () -> mapper.readValue(json, kind));
            InvalidValueException invalid = assertInstanceOf(InvalidValueException.class, e.getCause());
            assertEquals("spectralNorm", invalid.field());
            assertTrue(invalid.problem().contains("fast layers"), invalid.problem());
        }
        assertDoesNotThrow(() -> mapper.readValue("{\"type\": \"" + type + "\", \"spectralNorm\": false, \"layers\": \"dl4j\"}",
                DiscriminatorSpec.class));
    }

    @Test
    void javaCallersGetTheSameCheck() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new DcganDiscriminatorSpec(null, null, false, true, LayerEngine.DL4J));
        assertEquals("spectralNorm", e.field());
        assertThrows(InvalidValueException.class, () -> new DcganGeneratorSpec(null, null, true, LayerEngine.DL4J));
        assertThrows(InvalidValueException.class, () -> new MlpGeneratorSpec(null, null, null, null, true, LayerEngine.DL4J));
        assertThrows(InvalidValueException.class, () -> new MlpDiscriminatorSpec(null, null, true, LayerEngine.DL4J));
        assertTrue(new MlpDiscriminatorSpec(null, null, true, null).spectralNorm());
        assertFalse(new MlpDiscriminatorSpec(null, null).spectralNorm());
    }

    @Test
    void misspelledKeysAreStillRejected() {
        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"type\": \"dcgan\", \"spectralNormalization\": true}", DiscriminatorSpec.class));
    }
}
