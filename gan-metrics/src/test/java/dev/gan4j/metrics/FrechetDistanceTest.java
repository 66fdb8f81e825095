package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrechetDistanceTest {
    private static final double[][] MIXING = {
        {1.0, 0.0, 0.0, 0.0},
        {0.5, 1.2, 0.0, 0.0},
        {-0.3, 0.4, 0.8, 0.0},
        {0.2, -0.6, 0.3, 1.5},
    };

    @Test
    void statisticsUseTheUnbiasedCovariance() {
        double[][] x = TestData.gaussian(new Random(2), 50, new double[] {1, -2, 0, 3}, MIXING);
        FeatureStatistics stats = FeatureStatistics.of(TestData.matrix(x).castTo(DataType.FLOAT));

        double[][] expected = TestData.covariance(x);
        double[][] actual = stats.covariance().toDoubleMatrix();
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-5, "row " + i);
        }
        assertArrayEquals(TestData.mean(x), stats.mean(), 1e-5);
        assertEquals(50, stats.count());
    }

    @Test
    void distanceOfASetToItselfIsZero() {
        INDArray x = TestData.matrix(TestData.gaussian(new Random(3), 400, new double[] {5, 0, -1, 2}, MIXING));

        FrechetDistance.Result result = FrechetDistance.compute(x, x.dup());

        assertEquals(0, result.value(), 1e-6);
        assertEquals(400, result.realCount());
        assertEquals(400, result.generatedCount());
    }

    @Test
    void matchesTheClosedFormForCommutingSampleCovariances() {
        // Sample sets built so that their sample covariances are exactly R diag(a) R^T and
        // R diag(b) R^T: then Tr((C1 C2)^(1/2)) = sum sqrt(a_i b_i).
        Random random = new Random(4);
        int n = 200;
        double[] a = {4.0, 1.0, 0.25, 2.0};
        double[] b = {1.0, 1.0, 9.0, 0.5};
        double[] mu1 = {1, 2, 3, 4};
        double[] mu2 = {0, 2, 5, 3};
        double[][] rotation = orthonormalColumns(TestData.standardGaussian(random, 4, 4, 0));
        double[][] x = withExactStatistics(random, n, mu1, a, rotation);
        double[][] y = withExactStatistics(random, n, mu2, b, rotation);

        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
            expected += (Math.sqrt(a[i]) - Math.sqrt(b[i])) * (Math.sqrt(a[i]) - Math.sqrt(b[i]));
        }
        double actual = FrechetDistance.compute(TestData.matrix(x), TestData.matrix(y)).value();

        assertEquals(expected, actual, 1e-9 * expected);
    }

    @Test
    void matchesAnIndependentMatrixSquareRootOnGaussianSamples() {
        Random random = new Random(5);
        double[][] other = {
            {2.0, 0.0, 0.0, 0.0},
            {-0.7, 0.5, 0.0, 0.0},
            {0.0, 0.9, 1.1, 0.0},
            {1.0, 0.0, -0.4, 0.3},
        };
        double[][] x = TestData.gaussian(random, 300, new double[] {0, 0, 0, 0}, MIXING);
        double[][] y = TestData.gaussian(random, 250, new double[] {1, -1, 0.5, 0}, other);

        double[][] c1 = TestData.covariance(x);
        double[][] c2 = TestData.covariance(y);
        double[] m1 = TestData.mean(x);
        double[] m2 = TestData.mean(y);
        double expected = TestData.trace(c1) + TestData.trace(c2)
                - 2 * TestData.trace(TestData.sqrtm(TestData.multiply(c1, c2)));
        for (int i = 0; i < 4; i++) {
            expected += (m1[i] - m2[i]) * (m1[i] - m2[i]);
        }
        FrechetDistance.Result result = FrechetDistance.compute(TestData.matrix(x), TestData.matrix(y));

        assertEquals(expected, result.value(), 1e-9 * expected);
        assertEquals(300, result.realCount());
        assertEquals(250, result.generatedCount());
        assertEquals(result.value(), FrechetDistance.compute(TestData.matrix(y), TestData.matrix(x)).value(), 1e-9,
                "symmetric");
    }

    @Test
    void matchesAHandComputedNonCommutingPair() {
        // C1 C2 = [[2, 3], [1, 6]]: trace 8, determinant 9, so Tr((C1 C2)^(1/2)) = sqrt(8 + 2 * 3).
        FeatureStatistics first = FeatureStatistics.of(10, new double[] {1, 2}, new double[][] {{2, 1}, {1, 2}});
        FeatureStatistics second = FeatureStatistics.of(20, new double[] {0, 0}, new double[][] {{1, 0}, {0, 3}});

        FrechetDistance.Result result = FrechetDistance.compute(first, second);

        assertEquals(5 + 4 + 4 - 2 * Math.sqrt(14), result.value(), 1e-12);
        assertEquals(new FrechetDistance.Result(result.value(), 10, 20), result);
    }

    @Test
    void translationAddsTheSquaredShiftExactly() {
        Random random = new Random(6);
        INDArray x = TestData.matrix(TestData.gaussian(random, 300, new double[] {0, 1, 2, 3}, MIXING));
        INDArray y = TestData.matrix(TestData.gaussian(random, 300, new double[] {0, 1, 2, 3}, TestData.identity(4)));
        INDArray delta = Nd4j.createFromArray(3.0, -1.0, 0.5, 2.0);

        assertEquals(9 + 1 + 0.25 + 4, FrechetDistance.compute(x, x.addRowVector(delta)).value(), 1e-9);
        double base = FrechetDistance.compute(x, y).value();
        assertEquals(base, FrechetDistance.compute(x.addRowVector(delta), y.addRowVector(delta)).value(), 1e-9);
        assertTrue(base > 0.1, "different covariances are apart, found " + base);
    }

    @Test
    void handles512Features() {
        Random random = new Random(7);
        INDArray x = TestData.matrix(TestData.standardGaussian(random, 1000, 512, 0));
        INDArray y = TestData.matrix(TestData.standardGaussian(random, 1000, 512, 0));
        FeatureStatistics sx = FeatureStatistics.of(x);
        FeatureStatistics sy = FeatureStatistics.of(y);

        double[] values = {FrechetDistance.compute(sx, sx).value(), FrechetDistance.compute(sx, sy).value()};

        assertEquals(0, values[0], 1e-6);
        // Two samples of N(0, I) in 512 dimensions with 1000 samples each are apart by sampling noise only.
        assertTrue(values[1] > 0 && values[1] < 512, "found " + values[1]);
    }

    @Test
    void rejectsMismatchedOrTooSmallSets() {
        INDArray two = Nd4j.rand(DataType.DOUBLE, 10, 2);
        INDArray three = Nd4j.rand(DataType.DOUBLE, 10, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.compute(two, three));
        assertTrue(e.getMessage().contains("found 2 and 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.compute(two, two.getRows(0)));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureStatistics.of(3, new double[] {0, 0}, new double[][] {{1, 0.5}, {0, 1}}));
        INDArray withNaN = two.dup();
        withNaN.putScalar(3, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.compute(two, withNaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    /** Gram-Schmidt on the columns of an {@code n x d} matrix: orthonormal columns spanning the same space. */
    private static double[][] orthonormalColumns(double[][] m) {
        int n = m.length;
        int d = m[0].length;
        double[][] q = new double[n][d];
        for (int c = 0; c < d; c++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = m[i][c];
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[i] * q[i][p];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * q[i][p];
                }
            }
            double norm = 0;
            for (double value : v) {
                norm += value * value;
            }
            for (int i = 0; i < n; i++) {
                q[i][c] = v[i] / Math.sqrt(norm);
            }
        }
        return q;
    }

    /**
     * {@code n} rows with sample mean exactly {@code mean} and sample covariance exactly
     * {@code R diag(variances) R^T}: Gaussian columns, centred and made orthonormal, then scaled
     * and rotated.
     */
    private static double[][] withExactStatistics(Random random, int n, double[] mean, double[] variances,
            double[][] rotation) {
        int d = mean.length;
        double[][] z = TestData.standardGaussian(random, n, d, 0);
        double[] m = TestData.mean(z);
        for (double[] row : z) {
            for (int j = 0; j < d; j++) {
                row[j] -= m[j];
            }
        }
        double[][] q = orthonormalColumns(z);
        double[][] x = new double[n][d];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                double v = mean[i];
                for (int j = 0; j < d; j++) {
                    v += rotation[i][j] * Math.sqrt((n - 1) * variances[j]) * q[s][j];
                }
                x[s][i] = v;
            }
        }
        return x;
    }
}
