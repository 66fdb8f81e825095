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

class SymmetricEigenTest {
    @Test
    void lapackBindingGivesAscendingValuesAndEigenvectorsAsColumns() {
        INDArray a = Nd4j.createFromArray(new double[][] {{2, 1}, {1, 2}});
        SymmetricEigen.Decomposition d = SymmetricEigen.decompose(a);

        assertArrayEquals(new double[] {1, 3}, d.values(), 1e-12);
        INDArray v = d.vectors();
        double s = 1 / Math.sqrt(2);
        assertEquals(s, Math.abs(v.getDouble(0, 0)), 1e-12);
        assertEquals(-v.getDouble(0, 0), v.getDouble(1, 0), 1e-12, "eigenvector of 1 is (1, -1) as a column");
        assertEquals(v.getDouble(0, 1), v.getDouble(1, 1), 1e-12, "eigenvector of 3 is (1, 1) as a column");
        assertEquals(2, a.getDouble(0, 0), 0, "the argument is not overwritten");
    }

    @Test
    void reconstructsAGeneralSymmetricMatrix() {
        Random random = new Random(1);
        int n = 7;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = random.nextGaussian();
            }
        }
        INDArray m = Nd4j.createFromArray(b);
        INDArray a = m.add(m.transpose());
        SymmetricEigen.Decomposition d = SymmetricEigen.decompose(a.castTo(DataType.FLOAT).castTo(DataType.DOUBLE));
        INDArray v = d.vectors();
        INDArray w = Nd4j.createFromArray(d.values());

        assertTrue(v.mmul(v.transpose()).sub(Nd4j.eye(n)).amaxNumber().doubleValue() < 1e-12, "orthonormal");
        INDArray residual = a.castTo(DataType.FLOAT).castTo(DataType.DOUBLE).mmul(v).sub(v.mulRowVector(w));
        assertTrue(residual.amaxNumber().doubleValue() < 1e-12, "A V = V diag(w)");
        for (int i = 1; i < n; i++) {
            assertTrue(d.values()[i - 1] <= d.values()[i], "ascending");
        }
    }

    @Test
    void squareRootOfASingularMatrixHasNoNaNs() {
        INDArray rankOne = Nd4j.createFromArray(new double[][] {{1, 1}, {1, 1}});
        INDArray s = SymmetricEigen.sqrtPositiveSemiDefinite(rankOne);

        double r = 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {r, r, r, r}, s.reshape(4).toDoubleVector(), 1e-7);
        assertTrue(s.mmul(s).sub(rankOne).amaxNumber().doubleValue() < 1e-12);
    }

    @Test
    void rejectsNonFiniteInputThatLapackWouldTurnIntoZeros() {
        INDArray bad = Nd4j.createFromArray(new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.decompose(bad));
    }
}
