package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Accuracy per group of exclusive tags (the judge's most probable tag of the group), per free tag, and all at once. */
class GroupedTagAccuracyTest {
    private static final List<String> TAGS = List.of("red hair", "blue hair", "green hair", "long hair", "short hair", "glasses");

    @Test
    void eachGroupByItsMostProbableTagAndFreeTagsByThreshold() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("hair colour", List.of("red hair", "blue hair", "green hair"));
        groups.put("hair-length", List.of("long hair", "short hair"));
        double[][] requested = {
                {1, 0, 0, 1, 0, 1},
                {0, 1, 0, 0, 1, 0},
                {0, 0, 1, 1, 0, 0},
                {1, 0, 0, 0, 1, 1}};
        double[][] probabilities = {
                {0.4, 0.3, 0.1, 0.2, 0.1, 0.9},   // red by argmax though below 0.5, long, glasses: all right
                {0.2, 0.6, 0.7, 0.1, 0.8, 0.2},   // green beats blue: colour wrong
                {0.0, 0.0, 0.9, 0.4, 0.5, 0.6},   // short beats long, glasses not asked: two wrong
                {0.9, 0.1, 0.1, 0.3, 0.7, 0.8}};  // all right
        Map<String, Double> values = GroupedTagAccuracy.of(Nd4j.createFromArray(requested), Nd4j.createFromArray(probabilities), TAGS,
                groups);
        assertEquals(List.of("tag_accuracy_hair_colour", "tag_accuracy_hair_length", "tag_accuracy_glasses", "tag_accuracy_all"),
                List.copyOf(values.keySet()));
        assertEquals(0.75, values.get("tag_accuracy_hair_colour"), 1e-12);
        assertEquals(0.75, values.get("tag_accuracy_hair_length"), 1e-12);
        assertEquals(0.75, values.get("tag_accuracy_glasses"), 1e-12);
        assertEquals(0.5, values.get("tag_accuracy_all"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GroupedTagAccuracy.of(Nd4j.createFromArray(requested),
                Nd4j.createFromArray(new double[][] {{0.5}}), TAGS, groups));
    }
}
