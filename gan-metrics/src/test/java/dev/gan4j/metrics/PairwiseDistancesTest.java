package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairwiseDistancesTest {
    private final Random random = new Random(31);
    private final double[][] a = TestData.standardGaussian(random, 37, 5, 0);
    private final double[][] b = TestData.standardGaussian(random, 23, 5, 1);

    @Test
    void blockedDistancesEqualANaiveDoubleLoop() {
        double[][] found = new double[a.length][];
        List<Integer> blockStarts = new ArrayList<>();
        new PairwiseDistances(8).forEachBlock(TestData.matrix(a), TestData.matrix(b), (first, rows, squared) -> {
            blockStarts.add(first);
            assertEquals(rows * b.length, squared.length);
            for (int r = 0; r < rows; r++) {
                found[first + r] = Arrays.copyOfRange(squared, r * b.length, (r + 1) * b.length);
            }
        });

        assertEquals(List.of(0, 8, 16, 24, 32), blockStarts);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(naiveSquared(a[i], b), found[i], 1e-10, "row " + i);
        }
    }

    @Test
    void distancesOfASetToItselfAreNeverNegative() {
        INDArray x = TestData.matrix(TestData.standardGaussian(random, 30, 4, 100)).castTo(DataType.FLOAT);
        new PairwiseDistances(7).forEachBlock(FeatureMatrix.toDouble("x", x), FeatureMatrix.toDouble("x", x),
                (first, rows, squared) -> {
                    for (double v : squared) {
                        assertTrue(v >= 0, "found " + v);
                    }
                });
    }

    @Test
    void kthNeighbourLeavesTheSampleItselfOut() {
        double[][] x = TestData.standardGaussian(random, 29, 3, 0);
        x[5] = x[4].clone();
        for (int k : new int[] {1, 3}) {
            double[] found = new PairwiseDistances(6).kthNeighbourSquared(TestData.matrix(x), k);
            for (int i = 0; i < x.length; i++) {
                double[] d = naiveSquared(x[i], x);
                d[i] = Double.POSITIVE_INFINITY;
                Arrays.sort(d);
                assertEquals(d[k - 1], found[i], 1e-10, "k " + k + ", row " + i);
            }
        }
        assertEquals(0, new PairwiseDistances(6).kthNeighbourSquared(TestData.matrix(x), 1)[4], 1e-10,
                "a duplicate is a neighbour at distance zero");
    }

    @Test
    void nearestMatchesANaiveMinimum() {
        double[] found = new PairwiseDistances(5).nearestSquared(TestData.matrix(a), TestData.matrix(b));
        for (int i = 0; i < a.length; i++) {
            assertEquals(Arrays.stream(naiveSquared(a[i], b)).min().orElseThrow(), found[i], 1e-10);
        }
    }

    @Test
    void blockSizeRespectsTheMemoryLimit() {
        PairwiseDistances distances = new PairwiseDistances(PairwiseDistances.DEFAULT_BLOCK_ROWS);
        assertEquals(838, distances.blockRows(10_000, 10_000));
        assertEquals(1000, distances.blockRows(10_000, 500));
        assertEquals(20, distances.blockRows(20, 500));
    }

    private static double[] naiveSquared(double[] p, double[][] set) {
        double[] d = new double[set.length];
        for (int j = 0; j < set.length; j++) {
            for (int c = 0; c < p.length; c++) {
                d[j] += (p[c] - set[j][c]) * (p[c] - set[j][c]);
            }
        }
        return d;
    }
}
