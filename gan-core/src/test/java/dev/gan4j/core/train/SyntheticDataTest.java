package dev.gan4j.core.train;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stand-in batches for gan bench: noise in [-1, 1], the same at every call, with valid random tag sets when asked. */
class SyntheticDataTest {
    private static final ConditionSchema SCHEMA = ConditionSchema.ofTags(List.of("red hair", "blue hair", "glasses", "long hair",
            "short hair"), List.of()).withTagGroups(Map.of("hair colour", List.of("red hair", "blue hair"), "hair length", List.of("long hair", "short hair")));

    @Test
    void examplesAreNoiseInRangeAndRepeatable() {
        SyntheticData data = new SyntheticData(Shape.image(3, 4, 4), 16, 9);
        Batch batch = data.batch(new int[] {3, 5});
        assertNull(batch.tags());
        assertTrue(batch.examples().maxNumber().doubleValue() <= 1 && batch.examples().minNumber().doubleValue() >= -1);
        assertEquals(batch.examples(), data.batch(new int[] {3, 5}).examples());
    }

    @Test
    void tagsAreValidRandomSetsOfTheSchema() {
        SyntheticData data = new SyntheticData(Shape.image(1, 2, 2), 64, 9, SCHEMA);
        assertEquals(SCHEMA, data.conditionSchema());
        int[] all = new int[64];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        INDArray tags = data.batch(all).tags();
        assertEquals(5, tags.size(1));
        int glasses = 0;
        for (int i = 0; i < all.length; i++) {
            List<String> set = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                if (tags.getDouble(i, t) == 1) {
                    set.add(SCHEMA.tags().get(t));
                }
            }
            SCHEMA.requireValidTagSet(set);
            assertEquals(set.contains("glasses") ? 3 : 2, set.size(), set.toString());
            glasses += set.contains("glasses") ? 1 : 0;
        }
        assertTrue(glasses > 16 && glasses < 48, "glasses in about half the sets: " + glasses);
        assertEquals(tags, data.batch(all).tags());
        assertThrows(IllegalArgumentException.class, () -> new SyntheticData(Shape.vector(2), 4, 1, ConditionSchema.numberedClasses(3)));
    }
}
