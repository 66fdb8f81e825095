package dev.gan4j.encoders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.gan4j.core.config.EncoderSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each encoder's JSON form: defaults written out, a round trip, and named errors. */
class EncoderSpecJsonTest {
    private final ObjectMapper mapper = Plugins.registry().mapper();

    private JsonNode resolved(String json) throws Exception {
        EncoderSpec spec = mapper.readValue(json, EncoderSpec.class);
        JsonNode tree = mapper.readTree(mapper.writerFor(EncoderSpec.class).writeValueAsString(spec));
        assertEquals(tree, mapper.readTree(mapper.writerFor(EncoderSpec.class).writeValueAsString(mapper.treeToValue(tree, EncoderSpec.class))));
        return tree;
    }

    @Test
    void defaultsAreWrittenOut() throws Exception {
        assertEquals(mapper.readTree("{\"type\": \"multi-hot\"}"), resolved("{\"type\": \"multi-hot\"}"));
        assertEquals(mapper.readTree("{\"type\": \"text-hash\", \"buckets\": 4096, \"dim\": 128, \"bigrams\": true, \"trainable\": true}"),
                resolved("{\"type\": \"text-hash\"}"));
        assertEquals(mapper.readTree("{\"type\": \"text-rnn\", \"cell\": \"lstm\", \"pooling\": \"mean\", \"embeddingDim\": 64,"
                + " \"dim\": 128, \"minCount\": 1, \"maxLength\": 32, \"trainable\": true}"), resolved("{\"type\": \"text-rnn\"}"));
        JsonNode frozenGru = resolved("{\"type\": \"text-rnn\", \"cell\": \"gru\", \"pooling\": \"last\", \"trainable\": false}");
        assertEquals("gru", frozenGru.get("cell").textValue());
        assertEquals(false, frozenGru.get("trainable").booleanValue());
    }

    @Test
    void badValuesNameTheirField() {
        for (String[] c : new String[][] {
                {"{\"type\": \"text-rnn\", \"cell\": \"rnn\"}", "cell", "known: gru, lstm"},
                {"{\"type\": \"text-rnn\", \"pooling\": \"max\"}", "pooling", "known: last, mean"},
                {"{\"type\": \"text-hash\", \"buckets\": 0}", "buckets", "must be > 0"},
                {"{\"type\": \"conditioning-augmentation\"}", "encoder", "is required"},
                {"{\"type\": \"conditioning-augmentation\", \"encoder\": {\"type\": \"one-hot\"}, \"klWeight\": -1}", "klWeight", ">= 0"}}) {
            Exception e = assertThrows(Exception.class, () -> mapper.readValue(c[0], EncoderSpec.class), c[0]);
            Throwable cause = e instanceof ValueInstantiationException ? e.getCause() : e;
            InvalidValueException invalid = assertInstanceOf(InvalidValueException.class, cause, c[0] + ": " + e);
            assertEquals(c[1], invalid.field());
            assertTrue(invalid.problem().contains(c[2]), invalid.problem());
        }
    }
}
