package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalAccuracyTest {
    @Test
    void countsOverallAndPerRequestedClass() {
        int[] requested = {0, 0, 1, 1, 2, 2, 2};
        int[] predicted = {0, 1, 1, 1, 2, 0, 2};

        ConditionalAccuracy.Result result = ConditionalAccuracy.compute(requested, predicted, 4);

        assertEquals(5.0 / 7, result.accuracy(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1, 2.0 / 3, Double.NaN}, result.perClass(), 1e-15);
        assertArrayEquals(new int[] {2, 2, 3, 0}, result.requestedCounts());
        assertEquals(7, result.sampleCount());
    }

    @Test
    void multiLabelComparesEachTagAtTheThreshold() {
        boolean[][] requested = {{true, false}, {false, true}, {true, true}, {false, false}};
        double[][] probabilities = {{0.9, 0.2}, {0.4, 0.5}, {0.7, 0.6}, {0.1, 0.51}};
        // Predicted tags: (1, 0), (0, 0) since 0.5 is not above the threshold, (1, 1), (0, 1).
        // Tag 0 agrees 4 of 4, tag 1 agrees 2 of 4; samples 0 and 2 match exactly.

        ConditionalAccuracy.MultiLabelResult result = ConditionalAccuracy.multiLabel(requested, probabilities);

        assertArrayEquals(new double[] {1, 0.5}, result.perTag(), 0);
        assertEquals(0.75, result.tagAccuracy(), 0);
        assertEquals(0.5, result.exactMatch(), 0);
        assertEquals(result, ConditionalAccuracy.multiLabel(
                Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}}).castTo(DataType.BOOL),
                Nd4j.createFromArray(probabilities).castTo(DataType.FLOAT)));
    }

    @Test
    void rejectsInvalidInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConditionalAccuracy.compute(new int[] {0, 1}, new int[] {0}, 2));
        assertTrue(e.getMessage().contains("found 2 and 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConditionalAccuracy.compute(new int[] {0, 2}, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> ConditionalAccuracy.multiLabel(
                new boolean[][] {{true}}, new double[][] {{1.5}}));
        assertThrows(IllegalArgumentException.class, () -> ConditionalAccuracy.multiLabel(
                Nd4j.createFromArray(new double[][] {{2}}), Nd4j.createFromArray(new double[][] {{0.5}})));
        assertThrows(IllegalArgumentException.class, () -> ConditionalAccuracy.multiLabel(
                new boolean[][] {{true, false}, {true}}, new double[][] {{0.9, 0.1}, {0.9}}));
    }
}
