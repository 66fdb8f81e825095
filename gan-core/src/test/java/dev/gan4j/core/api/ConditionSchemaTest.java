package dev.gan4j.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema as checkpoints store it, in today's form and the form written before wishes and vocabularies; tag groups. */
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

    private static final List<String> AVATAR_TAGS = List.of("black hair", "blonde hair", "pink hair", "long hair", "short hair",
            "glasses", "light skin", "dark skin");
    private static final List<List<String>> AVATAR_GROUPS = List.of(List.of("black hair", "blonde hair", "pink hair"),
            List.of("long hair", "short hair"), List.of("light skin", "dark skin"));

    @Test
    void tagGroupsRoundTripAndOlderCheckpointsHaveNone() throws Exception {
        ConditionSchema schema = ConditionSchema.ofTags(AVATAR_TAGS, List.of("pink hair,glasses")).withTagGroups(AVATAR_GROUPS);
        assertEquals(schema, mapper.readValue(mapper.writeValueAsString(schema), ConditionSchema.class));
        assertEquals(List.of(), mapper.readValue("{\"classes\": [], \"tags\": [\"a\"], \"texts\": false}", ConditionSchema.class)
                .tagGroups());
    }

    @Test
    void groupsMustBeOfKnownTagsEachInOneGroup() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(List.of(List.of("black hair", "red hair"))));
        assertTrue(unknown.getMessage().contains("'red hair'"), unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ConditionSchema.ofTags(AVATAR_TAGS, List.of())
                .withTagGroups(List.of(List.of("black hair", "glasses"), List.of("glasses", "long hair"))));
        assertTrue(twice.getMessage().contains("'glasses' is in two"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(List.of(List.of("glasses"))));
    }

    @Test
    void aWishNamingTwoTagsOfOneGroupIsRefused() {
        ConditionSchema schema = ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(AVATAR_GROUPS);
        schema.requireValidTagSet(List.of("pink hair", "long hair", "glasses"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schema.requireValidTagSet(List.of("pink hair", "long hair", "black hair")));
        assertEquals("'pink hair' and 'black hair' exclude each other (one of: black hair, blonde hair, pink hair)", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> schema.requireValidTagSet(List.of("hat")));
        assertTrue(unknown.getMessage().startsWith("unknown tag 'hat'"), unknown.getMessage());
    }

    /** One tag of each group, equally often, and the free tag half the time: every draw valid, the draws balanced. */
    @Test
    void randomTagSetsAreValidAndBalanced() {
        ConditionSchema schema = ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(AVATAR_GROUPS);
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 6000;
        for (int i = 0; i < draws; i++) {
            List<String> set = schema.randomTagSet(random);
            schema.requireValidTagSet(set);
            assertEquals(3, set.stream().filter(t -> !t.equals("glasses")).count(), set.toString());
            set.forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        assertEquals(draws / 3.0, counts.get("pink hair"), draws * 0.03);
        assertEquals(draws / 2.0, counts.get("short hair"), draws * 0.03);
        assertEquals(draws / 2.0, counts.get("glasses"), draws * 0.03);
    }
}
