package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisionRecallTest {
    @Test
    void aSetAgainstItselfHasFullPrecisionAndRecall() {
        INDArray x = TestData.matrix(TestData.standardGaussian(new Random(41), 300, 6, 0)).castTo(DataType.FLOAT);

        PrecisionRecall.Result result = new PrecisionRecall().compute(x, x);

        assertEquals(new PrecisionRecall.Result(1, 1, 3, 300, 300), result);
    }

    @Test
    void matchesAHandComputedExample() {
        // k = 1. Real {0, 1, 2, 3}: every radius is 1, so 0.5 is inside and 10 is not: precision 1/2.
        // Generated {0.5, 10}: both radii are 9.5, which covers every real sample: recall 1.
        INDArray real = Nd4j.createFromArray(new double[][] {{0}, {1}, {2}, {3}});
        INDArray generated = Nd4j.createFromArray(new double[][] {{0.5}, {10}});

        PrecisionRecall.Result result = new PrecisionRecall(1).compute(real, generated);

        assertEquals(0.5, result.precision(), 0);
        assertEquals(1, result.recall(), 0);
    }

    @Test
    void samplesOnTheBoundaryOfABallAreInside() {
        // Real {0, 2, 4} with k = 1: radii 2. Generated 1 lies inside; 6 lies exactly on the ball around 4.
        INDArray real = Nd4j.createFromArray(new double[][] {{0}, {2}, {4}});
        INDArray generated = Nd4j.createFromArray(new double[][] {{1}, {6}, {9}});

        assertEquals(2.0 / 3, new PrecisionRecall(1).compute(real, generated).precision(), 1e-15);
    }

    @Test
    void collapseOntoOneOfTwoClustersKeepsPrecisionAndHalvesRecall() {
        Random random = new Random(42);
        double[][] left = TestData.standardGaussian(random, 200, 2, 0);
        double[][] right = TestData.standardGaussian(random, 200, 2, 20);
        double[][] real = new double[400][];
        System.arraycopy(left, 0, real, 0, 200);
        System.arraycopy(right, 0, real, 200, 200);
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 400, 2, 0));

        PrecisionRecall.Result result = new PrecisionRecall().compute(TestData.matrix(real), generated);

        assertTrue(result.precision() > 0.95, result.toString());
        assertTrue(result.recall() > 0.45 && result.recall() <= 0.5, result.toString());
    }

    @Test
    void aFarAwaySetHasNeitherPrecisionNorRecall() {
        Random random = new Random(43);
        INDArray real = TestData.matrix(TestData.standardGaussian(random, 200, 4, 0));
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 200, 4, 50));

        PrecisionRecall.Result result = new PrecisionRecall().compute(real, generated);

        assertEquals(0, result.precision(), 0);
        assertEquals(0, result.recall(), 0);
    }

    @Test
    void blockSizeDoesNotChangeTheResult() {
        Random random = new Random(44);
        INDArray real = TestData.matrix(TestData.standardGaussian(random, 150, 3, 0));
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 130, 3, 0.7));

        PrecisionRecall.Result whole = new PrecisionRecall(4).compute(real, generated);
        PrecisionRecall.Result blocked = new PrecisionRecall(4, new PairwiseDistances(17)).compute(real, generated);

        assertEquals(whole, blocked);
        assertTrue(whole.precision() < 1 && whole.recall() < 1, whole.toString());
    }

    @Test
    void needsMoreSamplesThanNeighbours() {
        INDArray three = Nd4j.rand(DataType.DOUBLE, 3, 2);
        INDArray ten = Nd4j.rand(DataType.DOUBLE, 10, 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PrecisionRecall(3).compute(ten, three));
        assertTrue(e.getMessage().contains("generated needs at least 4 samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PrecisionRecall(0));
    }
}
