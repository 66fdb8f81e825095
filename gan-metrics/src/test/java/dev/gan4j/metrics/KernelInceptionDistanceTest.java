package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelInceptionDistanceTest {
    @Test
    void matchesAHandComputedOneDimensionalExample() {
        // k(x, y) = (xy + 1)^3. X = {0, 1, 2}: off-diagonal pairs 1, 1, 27, sum over i != j 58.
        // Y = {-1, 0, 1}: pairs 1, 0, 1, sum 4. Cross sum 3 + 9 + 27 = 39.
        // MMD^2 = 58/6 + 4/6 - 2 * 39/9 = 5/3.
        INDArray x = Nd4j.createFromArray(new double[][] {{0}, {1}, {2}});
        INDArray y = Nd4j.createFromArray(new double[][] {{-1}, {0}, {1}});

        KernelInceptionDistance.Result result = new KernelInceptionDistance(4, 3, 11).compute(x, y);

        assertEquals(5.0 / 3, result.mean(), 1e-12);
        assertEquals(0, result.standardDeviation(), 1e-12, "every subset is a whole set");
        assertEquals(new KernelInceptionDistance.Result(result.mean(), result.standardDeviation(), 4, 3, 11), result);
    }

    @Test
    void dividesTheDotProductByTheNumberOfFeatures() {
        // d = 2, k(x, y) = (x.y / 2 + 1)^3. Within X and within Y the dot products are 0: 2/2 each.
        // Cross: dot products 1, -1, 1, 1 give 3.375 + 0.125 + 3.375 + 3.375 = 10.25.
        // MMD^2 = 1 + 1 - 2 * 10.25 / 4 = -3.125 (the unbiased estimate can be negative).
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 1}, {-1, 1}});

        assertEquals(-3.125, new KernelInceptionDistance(1, 2, 0).compute(x, y).mean(), 1e-12);
    }

    @Test
    void samplesOfOneDistributionGiveAMeanNearZero() {
        Random random = new Random(21);
        INDArray x = TestData.matrix(TestData.standardGaussian(random, 1000, 8, 0));
        INDArray y = TestData.matrix(TestData.standardGaussian(random, 1000, 8, 0)).castTo(DataType.FLOAT);
        int subsets = 50;

        KernelInceptionDistance.Result result = new KernelInceptionDistance(subsets, 100, 3).compute(x, y);

        double standardError = result.standardDeviation() / Math.sqrt(subsets);
        assertTrue(result.standardDeviation() > 0);
        assertTrue(Math.abs(result.mean()) < 3 * standardError,
                "mean " + result.mean() + ", standard error " + standardError);
    }

    @Test
    void estimatorIsUnbiasedOverIndependentDraws() {
        // Independent pairs of small sets from one distribution: the unbiased estimates average to
        // zero, whereas the biased (V-statistic) estimate of the same sets stays clearly positive.
        Random random = new Random(22);
        int draws = 400;
        int m = 8;
        int d = 3;
        double sum = 0;
        double squares = 0;
        double biasedSum = 0;
        for (int t = 0; t < draws; t++) {
            double[][] x = TestData.standardGaussian(random, m, d, 0);
            double[][] y = TestData.standardGaussian(random, m, d, 0);
            double u = new KernelInceptionDistance(1, m, t).compute(TestData.matrix(x), TestData.matrix(y)).mean();
            assertEquals(naiveUnbiased(x, y), u, 1e-9 * Math.max(1, Math.abs(u)), "draw " + t);
            sum += u;
            squares += u * u;
            biasedSum += naiveBiased(x, y);
        }
        double mean = sum / draws;
        double standardError = Math.sqrt((squares / draws - mean * mean) / (draws - 1));
        double biasedMean = biasedSum / draws;

        assertTrue(Math.abs(mean) < 3 * standardError, "mean " + mean + ", standard error " + standardError);
        assertTrue(biasedMean > 8 * standardError,
                "the test could not tell a biased estimator apart: " + biasedMean + " vs " + standardError);
    }

    @Test
    void differentDistributionsGiveAClearlyPositiveValue() {
        Random random = new Random(23);
        INDArray x = TestData.matrix(TestData.standardGaussian(random, 500, 8, 0));
        INDArray y = TestData.matrix(TestData.standardGaussian(random, 500, 8, 0.5));

        KernelInceptionDistance.Result result = new KernelInceptionDistance(20, 100, 5).compute(x, y);

        assertTrue(result.mean() > 10 * result.standardDeviation() / Math.sqrt(20), result.toString());
        assertTrue(result.mean() > 0.05, result.toString());
    }

    @Test
    void seedMakesTheDrawReproducible() {
        Random random = new Random(24);
        INDArray x = TestData.matrix(TestData.standardGaussian(random, 60, 4, 0));
        INDArray y = TestData.matrix(TestData.standardGaussian(random, 70, 4, 0.2));

        KernelInceptionDistance.Result a = new KernelInceptionDistance(5, 20, 9).compute(x, y);
        KernelInceptionDistance.Result b = new KernelInceptionDistance(5, 20, 9).compute(x, y);
        KernelInceptionDistance.Result c = new KernelInceptionDistance(5, 20, 10).compute(x, y);

        assertEquals(a, b);
        assertNotEquals(a.mean(), c.mean());
    }

    @Test
    void rejectsSubsetsLargerThanASet() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 50, 3);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 30, 3);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KernelInceptionDistance(2, 40, 0).compute(x, y));
        assertTrue(e.getMessage().contains("subsetSize 40 and 30 generated samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KernelInceptionDistance(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new KernelInceptionDistance(1, 1, 0));
    }

    private static double kernel(double[] a, double[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.pow(dot / a.length + 1, 3);
    }

    private static double naiveUnbiased(double[][] x, double[][] y) {
        int m = x.length;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    xx += kernel(x[i], x[j]);
                    yy += kernel(y[i], y[j]);
                }
                xy += kernel(x[i], y[j]);
            }
        }
        return (xx + yy) / (m * (m - 1.0)) - 2 * xy / ((double) m * m);
    }

    private static double naiveBiased(double[][] x, double[][] y) {
        int m = x.length;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sum += kernel(x[i], x[j]) + kernel(y[i], y[j]) - 2 * kernel(x[i], y[j]);
            }
        }
        return sum / ((double) m * m);
    }
}
