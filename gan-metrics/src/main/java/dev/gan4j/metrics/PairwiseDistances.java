package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * Squared Euclidean distances between the rows of two DOUBLE matrices, as
 * {@code |a|^2 + |b|^2 - 2 a.b} with one matrix product per block of rows of {@code a}, so that
 * sets of tens of thousands of samples never need their whole distance matrix in memory.
 * Rounding can make the expansion slightly negative for (near-)identical rows; such values are
 * clipped to zero.
 */
final class PairwiseDistances {
    /** Rows of {@code a} per block unless the block would exceed {@link #MAX_BLOCK_ELEMENTS}. */
    static final int DEFAULT_BLOCK_ROWS = 1000;
    /** At most this many distances (64 MiB) in one block: 838 rows against 10,000 samples. */
    static final long MAX_BLOCK_ELEMENTS = 1L << 23;

    static final PairwiseDistances DEFAULT = new PairwiseDistances(DEFAULT_BLOCK_ROWS);

    private final int maxBlockRows;

    PairwiseDistances(int maxBlockRows) {
        if (maxBlockRows <= 0) {
            throw new IllegalArgumentException("maxBlockRows must be > 0, found " + maxBlockRows);
        }
        this.maxBlockRows = maxBlockRows;
    }

    /** Receives one block: rows {@code firstRow ..} of {@code a} against all rows of {@code b}. */
    @FunctionalInterface
    interface BlockConsumer {
        /** {@code squared[r * bRows + j]} is the squared distance of a-row {@code firstRow + r} to b-row {@code j}. */
        void accept(int firstRow, int rows, double[] squared);
    }

    int blockRows(long aRows, long bRows) {
        long byMemory = Math.max(1, MAX_BLOCK_ELEMENTS / bRows);
        return (int) Math.min(Math.min(maxBlockRows, byMemory), aRows);
    }

    void forEachBlock(INDArray a, INDArray b, BlockConsumer consumer) {
        int aRows = a.rows();
        int bRows = b.rows();
        double[] aNorms = squaredNorms(a);
        double[] bNorms = squaredNorms(b);
        int block = blockRows(aRows, bRows);
        for (int first = 0; first < aRows; first += block) {
            int rows = Math.min(block, aRows - first);
            INDArray aBlock = a.get(NDArrayIndex.interval(first, first + rows), NDArrayIndex.all()).dup('c');
            INDArray dot = Nd4j.gemm(aBlock, b, false, true);
            double[] squared = FeatureMatrix.rowMajorValues(dot);
            dot.close();
            aBlock.close();
            for (int r = 0; r < rows; r++) {
                double an = aNorms[first + r];
                int offset = r * bRows;
                for (int j = 0; j < bRows; j++) {
                    squared[offset + j] = Math.max(0, an + bNorms[j] - 2 * squared[offset + j]);
                }
            }
            consumer.accept(first, rows, squared);
        }
    }

    /**
     * For each row of {@code x}, the squared distance to its {@code k}-th nearest other row: the
     * row itself is left out by index, duplicates of it count as neighbours at distance zero.
     */
    double[] kthNeighbourSquared(INDArray x, int k) {
        int n = x.rows();
        if (k <= 0 || k >= n) {
            throw new IllegalArgumentException("k must be in [1, " + (n - 1) + "] for " + n + " samples, found " + k);
        }
        double[] radii = new double[n];
        double[] nearest = new double[k];
        forEachBlock(x, x, (first, rows, squared) -> {
            for (int r = 0; r < rows; r++) {
                int self = first + r;
                Arrays.fill(nearest, Double.POSITIVE_INFINITY);
                int offset = r * n;
                for (int j = 0; j < n; j++) {
                    double v = squared[offset + j];
                    if (v < nearest[k - 1] && j != self) {
                        int i = k - 1;
                        while (i > 0 && nearest[i - 1] > v) {
                            nearest[i] = nearest[i - 1];
                            i--;
                        }
                        nearest[i] = v;
                    }
                }
                radii[self] = nearest[k - 1];
            }
        });
        return radii;
    }

    /** For each row of {@code a}, the squared distance to the nearest row of {@code b}. */
    double[] nearestSquared(INDArray a, INDArray b) {
        int bRows = b.rows();
        double[] nearest = new double[a.rows()];
        forEachBlock(a, b, (first, rows, squared) -> {
            for (int r = 0; r < rows; r++) {
                double min = Double.POSITIVE_INFINITY;
                int offset = r * bRows;
                for (int j = 0; j < bRows; j++) {
                    min = Math.min(min, squared[offset + j]);
                }
                nearest[first + r] = min;
            }
        });
        return nearest;
    }

    private static double[] squaredNorms(INDArray x) {
        return x.mul(x).sum(1).toDoubleVector();
    }
}
