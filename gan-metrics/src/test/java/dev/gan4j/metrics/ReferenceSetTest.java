package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceSetTest {
    private final Random random = new Random(11);
    private final INDArray real = TestData.matrix(TestData.standardGaussian(random, 300, 6, 0)).castTo(DataType.FLOAT);
    private final ReferenceSet reference = ReferenceSet.of(real);

    @Test
    void givesTheMetricsOfFreshComputationsForEveryGeneratedSet() {
        for (double shift : new double[] {0, 0.5, 2}) {
            INDArray generated = TestData.matrix(TestData.standardGaussian(random, 200, 6, shift));
            assertEquals(new PrecisionRecall().compute(real, generated), new PrecisionRecall().compute(reference, generated));
            assertEquals(new DensityCoverage().compute(real, generated), new DensityCoverage().compute(reference, generated));
            assertEquals(FrechetDistance.compute(real, generated).value(),
                    FrechetDistance.compute(reference.statistics(), FeatureStatistics.of(generated)).value(), 1e-9);
        }
    }

    @Test
    void computesEachRadiusSetAndTheStatisticsOnce() {
        assertSame(reference.squaredRadii(3), reference.squaredRadii(3));
        assertSame(reference.statistics(), reference.statistics());
        assertTrue(reference.squaredRadii(5)[0] >= reference.squaredRadii(3)[0], "the 5th neighbour is no nearer than the 3rd");
    }

    @Test
    void aSetTooSmallForKIsRefused() {
        ReferenceSet small = ReferenceSet.of(TestData.matrix(TestData.standardGaussian(random, 3, 2, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small.squaredRadii(3));
        assertTrue(e.getMessage().contains("real"), e.getMessage());
    }
}
