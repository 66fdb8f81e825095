package dev.gan4j.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schema as checkpoints store it, in today's form and the form written before wishes and vocabularies. */
class ConditionSchemaTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void roundTripsWithWishesAndVocabulary() throws Exception {
        ConditionSchema schema = ConditionSchema.ofTexts(List.of("une bottine claire")).withVocabulary(List.of("une", "bottine"));
        assertEquals(schema, mapper.readValue(mapper.writeValueAsString(schema), ConditionSchema.class));
        assertEquals(List.of("une bottine claire"), schema.wishes());
    }

    @Test
    void readsCheckpointsWrittenBeforeWishesAndVocabularies() throws Exception {
        ConditionSchema old = mapper.readValue("{\"classes\": [\"t-shirt\", \"dress\"], \"tags\": [], \"texts\": false}",
                ConditionSchema.class);
        assertEquals(ConditionSchema.ofClasses(List.of("t-shirt", "dress")), old);
        assertEquals(List.of(), old.wishes());
        assertEquals(List.of(), old.vocabulary());
    }
}
