package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DensityCoverageTest {
    @Test
    void aSetAgainstItselfHasDensityNearOneAndFullCoverage() {
        INDArray x = TestData.matrix(TestData.standardGaussian(new Random(51), 300, 6, 0));

        DensityCoverage.Result result = new DensityCoverage().compute(x, x);

        assertEquals(1, result.coverage(), 0);
        assertEquals(1, result.density(), 0.01);
        assertEquals(5, result.k());
    }

    @Test
    void matchesAHandComputedExample() {
        // k = 1. Real {0, 1, 3, 10} have radii 1, 1, 2, 7 (open balls).
        // Generated 0.5 is in the balls of 0 and 1; 2 in the ball of 3 only (1 is on the boundary of
        // the ball around 1); 2.5 in the ball of 3 only. Density = (2 + 1 + 1) / (1 * 3).
        // Real 0, 1, 3 have a generated sample within their radius, 10 does not: coverage 3/4.
        INDArray real = Nd4j.createFromArray(new double[][] {{0}, {1}, {3}, {10}});
        INDArray generated = Nd4j.createFromArray(new double[][] {{0.5}, {2}, {2.5}});

        DensityCoverage.Result result = new DensityCoverage(1).compute(real, generated);

        assertEquals(new DensityCoverage.Result(4.0 / 3, 0.75, 1, 4, 3), result);
    }

    @Test
    void independentSamplesOfOneDistributionHaveDensityNearOne() {
        Random random = new Random(52);
        INDArray real = TestData.matrix(TestData.standardGaussian(random, 1000, 4, 0));
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 1000, 4, 0)).castTo(DataType.FLOAT);

        DensityCoverage.Result result = new DensityCoverage().compute(real, generated);

        assertEquals(1, result.density(), 0.1);
        // Expected coverage for equal distributions and sizes is about 1 - 2^-k.
        assertEquals(1 - Math.pow(2, -5), result.coverage(), 0.03);
    }

    @Test
    void collapseOntoTheCentreLowersCoverageButNotDensity() {
        // Density counts real balls per generated sample; their radii shrink where real samples are
        // dense, so samples anywhere inside the real support score about 1. Dropping the outskirts
        // shows in coverage.
        Random random = new Random(53);
        INDArray real = TestData.matrix(TestData.standardGaussian(random, 500, 2, 0));
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 500, 2, 0)).muli(0.3);

        DensityCoverage.Result result = new DensityCoverage().compute(real, generated);

        assertEquals(1, result.density(), 0.15, result.toString());
        assertTrue(result.coverage() < 0.5, result.toString());
    }

    @Test
    void aFarAwaySetHasNeitherDensityNorCoverage() {
        Random random = new Random(54);
        INDArray real = TestData.matrix(TestData.standardGaussian(random, 200, 4, 0));
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 100, 4, 50));

        assertEquals(new DensityCoverage.Result(0, 0, 5, 200, 100), new DensityCoverage().compute(real, generated));
    }

    @Test
    void blockSizeDoesNotChangeTheResult() {
        Random random = new Random(55);
        INDArray real = TestData.matrix(TestData.standardGaussian(random, 140, 3, 0));
        INDArray generated = TestData.matrix(TestData.standardGaussian(random, 90, 3, 0.5));

        assertEquals(new DensityCoverage(3).compute(real, generated),
                new DensityCoverage(3, new PairwiseDistances(13)).compute(real, generated));
    }

    @Test
    void needsMoreRealSamplesThanNeighbours() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DensityCoverage().compute(Nd4j.rand(DataType.DOUBLE, 5, 2), Nd4j.rand(DataType.DOUBLE, 5, 2)));
        assertTrue(e.getMessage().contains("real needs at least 6 samples"), e.getMessage());
    }
}
