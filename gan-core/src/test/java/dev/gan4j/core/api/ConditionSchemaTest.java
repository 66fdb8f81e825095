package dev.gan4j.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final Map<String, List<String>> AVATAR_GROUPS = Map.of("hair colour", List.of("black hair", "blonde hair",
            "pink hair"), "hair length", List.of("long hair", "short hair"), "skin", List.of("light skin", "dark skin"));

    private static Map<String, List<String>> orderedGroups(String first, List<String> a, String second, List<String> b) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(first, a);
        groups.put(second, b);
        return groups;
    }

    @Test
    void tagGroupsRoundTripInOrderAndOlderCheckpointsHaveNone() throws Exception {
        ConditionSchema schema = ConditionSchema.ofTags(AVATAR_TAGS, List.of("pink hair,glasses"))
                .withTagGroups(orderedGroups("skin", List.of("light skin", "dark skin"), "hair length", List.of("long hair", "short hair")));
        ConditionSchema read = mapper.readValue(mapper.writeValueAsString(schema), ConditionSchema.class);
        assertEquals(schema, read);
        assertEquals(List.of("skin", "hair length"), List.copyOf(read.tagGroups().keySet()), "the declared order, for pickers");
        assertEquals(Map.of(), mapper.readValue("{\"classes\": [], \"tags\": [\"a\"], \"texts\": false}", ConditionSchema.class)
                .tagGroups());
    }

    @Test
    void groupsMustBeOfKnownTagsEachInOneGroup() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(Map.of("hair", List.of("black hair", "red hair"))));
        assertTrue(unknown.getMessage().contains("tag group 'hair' names 'red hair'"), unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ConditionSchema.ofTags(AVATAR_TAGS, List.of())
                .withTagGroups(orderedGroups("a", List.of("black hair", "glasses"), "b", List.of("glasses", "long hair"))));
        assertEquals("tag 'glasses' is in two tag groups ('a' and 'b'); each tag belongs to one group at most", twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(Map.of("eyes", List.of("glasses"))));
    }

    @Test
    void aWishNamingTwoTagsOfOneGroupIsRefused() {
        ConditionSchema schema = ConditionSchema.ofTags(AVATAR_TAGS, List.of()).withTagGroups(AVATAR_GROUPS);
        schema.requireValidTagSet(List.of("pink hair", "long hair", "glasses"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schema.requireValidTagSet(List.of("pink hair", "long hair", "black hair")));
        assertEquals("'pink hair' and 'black hair' exclude each other (one hair colour of: black hair, blonde hair, pink hair)",
                e.getMessage());
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
