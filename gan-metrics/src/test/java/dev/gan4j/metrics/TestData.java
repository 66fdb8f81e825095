package dev.gan4j.metrics;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/** Plain-Java sample generation and linear algebra, independent of the code under test. */
final class TestData {
    private TestData() {
    }

    /** {@code n} samples of {@code mean + factor z}, {@code z} standard normal: covariance {@code factor factor^T}. */
    static double[][] gaussian(Random random, int n, double[] mean, double[][] factor) {
        int d = mean.length;
        double[][] x = new double[n][d];
        double[] z = new double[d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) {
                z[j] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double v = mean[i];
                for (int j = 0; j < d; j++) {
                    v += factor[i][j] * z[j];
                }
                x[s][i] = v;
            }
        }
        return x;
    }

    static double[][] standardGaussian(Random random, int n, int d, double shift) {
        double[] mean = new double[d];
        java.util.Arrays.fill(mean, shift);
        return gaussian(random, n, mean, identity(d));
    }

    static INDArray matrix(double[][] rows) {
        return Nd4j.createFromArray(rows);
    }

    static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / x.length;
            }
        }
        return m;
    }

    /** Covariance with the {@code n - 1} normalisation, by the textbook double loop. */
    static double[][] covariance(double[][] x) {
        double[] m = mean(x);
        int d = m.length;
        double[][] c = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += (row[i] - m[i]) * (row[j] - m[j]) / (x.length - 1);
                }
            }
        }
        return c;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < m; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double p = m[col][col];
            for (int j = 0; j < 2 * n; j++) {
                m[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /**
     * Principal square root of a matrix with positive real eigenvalues by the Denman-Beavers
     * iteration, a route that shares nothing with the eigendecompositions under test.
     */
    static double[][] sqrtm(double[][] a) {
        int n = a.length;
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = a[i].clone();
        }
        double[][] z = identity(n);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] yInv = inverse(y);
            double[][] zInv = inverse(z);
            double change = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double next = (y[i][j] + zInv[i][j]) / 2;
                    change = Math.max(change, Math.abs(next - y[i][j]));
                    y[i][j] = next;
                    z[i][j] = (z[i][j] + yInv[i][j]) / 2;
                }
            }
            if (change < 1e-15) {
                break;
            }
        }
        return y;
    }

    static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }
}
