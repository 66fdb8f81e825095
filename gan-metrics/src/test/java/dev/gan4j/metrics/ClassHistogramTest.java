package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassHistogramTest {
    @Test
    void uniformPredictionsAgainstAUniformReferenceHaveNoDivergence() {
        int[] predicted = new int[100];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = i % 10;
        }

        ClassHistogram.Result result = ClassHistogram.compute(predicted, 10);

        assertEquals(0, result.klDivergence(), 1e-15);
        assertEquals(0.1, result.minShare(), 1e-15);
        assertEquals(100, result.sampleCount());
    }

    @Test
    void collapseOntoOneClassGivesLogCAndAMissingClass() {
        int[] predicted = new int[50];
        java.util.Arrays.fill(predicted, 3);

        ClassHistogram.Result result = ClassHistogram.compute(predicted, 10);

        assertEquals(Math.log(10), result.klDivergence(), 1e-12);
        assertEquals(0, result.minShare(), 0);
        assertEquals(0, result.minClass());
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, result.shares(), 0);
    }

    @Test
    void measuresTheDivergenceFromTheGeneratedSide() {
        // Shares (1/4, 3/4, 0) against reference counts (2, 2, 4), i.e. (1/4, 1/4, 1/2):
        // KL = 1/4 log(1) + 3/4 log(3); the missing third class adds nothing itself.
        ClassHistogram.Result result = ClassHistogram.compute(new int[] {0, 1, 1, 1}, 3, new double[] {2, 2, 4});

        assertEquals(0.75 * Math.log(3), result.klDivergence(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.75, 0}, result.shares(), 0);
        assertEquals(2, result.minClass());
    }

    @Test
    void aClassTheReferenceLacksGivesALargeButFiniteDivergence() {
        ClassHistogram.Result result = ClassHistogram.compute(new int[] {0, 1}, 2, new double[] {1, 0});

        assertEquals(0.5 * Math.log(0.5) + 0.5 * Math.log(0.5 / ClassHistogram.EPSILON), result.klDivergence(), 1e-9);
    }

    @Test
    void acceptsClassIndicesAsAnArray() {
        double[] reference = {0.2, 0.3, 0.5};
        int[] predicted = {2, 2, 1, 0, 2, 1};

        assertEquals(ClassHistogram.compute(predicted, 3, reference),
                ClassHistogram.compute(Nd4j.createFromArray(predicted), 3, reference));
        assertEquals(ClassHistogram.compute(predicted, 3, reference),
                ClassHistogram.compute(Nd4j.createFromArray(2.0f, 2, 1, 0, 2, 1).reshape(6, 1), 3, reference));
    }

    @Test
    void rejectsInvalidInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassHistogram.compute(new int[] {0, 3}, 3));
        assertTrue(e.getMessage().contains("found 3 at index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ClassHistogram.compute(new int[] {0, 1}, 3, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassHistogram.compute(new int[] {0, 1}, 2, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassHistogram.compute(Nd4j.createFromArray(0.0, 1.5), 2, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> ClassHistogram.compute(new int[0], 2));
    }
}
