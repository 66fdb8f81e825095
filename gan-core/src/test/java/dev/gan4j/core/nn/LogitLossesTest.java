package dev.gan4j.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogitLossesTest {
    private static final double[] LOGITS = {-30, -4.2, -1.3, -0.1, 0, 0.3, 2.5, 7, 30};

    @Test
    void crossEntropyMatchesItsDefinitionAndStaysFiniteForLargeLogits() {
        for (double x : new double[] {-3, -0.5, 0, 0.5, 3}) {
            double p = 1 / (1 + Math.exp(-x));
            assertEquals(-Math.log(p), LogitLosses.lossReal(x), 1e-12);
            assertEquals(-Math.log(1 - p), LogitLosses.lossFake(x), 1e-12);
            assertEquals(-0.3 * Math.log(p) - 0.7 * Math.log(1 - p), LogitLosses.crossEntropy(x, 0.3), 1e-12);
        }
        assertEquals(1000, LogitLosses.lossReal(-1000), 1e-9);
        assertEquals(0, LogitLosses.lossReal(1000), 1e-12);
        assertEquals(1, LogitLosses.sigmoid(800), 0);
        assertEquals(0, LogitLosses.sigmoid(-800), 0);
    }

    @Test
    void binaryLossGradientsMatchFiniteDifferences() {
        for (double x : LOGITS) {
            assertEquals(numeric(LogitLosses::lossReal, x), LogitLosses.sigmoid(x) - 1, 1e-6, "real at " + x);
            assertEquals(numeric(LogitLosses::lossFake, x), LogitLosses.sigmoid(x), 1e-6, "fake at " + x);
        }
    }

    @Test
    void softmaxCrossEntropyMatchesItsDefinitionAndFiniteDifferences() {
        INDArray logits = Nd4j.create(new double[][] {{0.3, -1.2, 2.0}, {1.0, 1.0, -0.5}});
        int[] labels = {2, 0};
        LogitLosses.Loss loss = LogitLosses.softmaxCrossEntropy(logits, labels);
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += Math.exp(logits.getDouble(i, j));
            }
            expected -= Math.log(Math.exp(logits.getDouble(i, labels[i])) / sum);
        }
        assertEquals(expected, loss.sum(), 1e-12);
        assertGradientMatches(logits, loss.gradient(), x -> LogitLosses.softmaxCrossEntropy(x, labels).sum());
        INDArray probabilities = LogitLosses.softmax(logits);
        assertEquals(1, probabilities.getRow(0).sumNumber().doubleValue(), 1e-12);
        assertEquals(loss.gradient().getDouble(1, 1), probabilities.getDouble(1, 1), 1e-12);
    }

    @Test
    void softmaxCrossEntropyStaysFiniteForLargeLogitGaps() {
        INDArray logits = Nd4j.create(new double[][] {{800, 0}, {0, 800}});
        LogitLosses.Loss loss = LogitLosses.softmaxCrossEntropy(logits, new int[] {1, 1});
        assertEquals(800, loss.sum(), 1e-9);
        assertEquals(-1, loss.gradient().getDouble(0, 1), 1e-12);
        assertTrue(Double.isFinite(LogitLosses.softmax(logits).sumNumber().doubleValue()));
    }

    @Test
    void sigmoidCrossEntropyMatchesItsDefinitionAndFiniteDifferences() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{0, 2, -3}, {0.5, -40, 40}});
        INDArray targets = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 1}});
        LogitLosses.Loss loss = LogitLosses.sigmoidCrossEntropy(logits, targets);
        assertEquals(Math.log(2) + Math.log1p(Math.exp(2)) + Math.log1p(Math.exp(-3))
                + Math.log1p(Math.exp(0.5)) + 40 + Math.log1p(Math.exp(-40)) + Math.log1p(Math.exp(-40)), loss.sum(), 1e-9);
        assertGradientMatches(logits, loss.gradient(), x -> LogitLosses.sigmoidCrossEntropy(x, targets).sum());
    }

    @Test
    void badShapesAndLabelsAreNamed() {
        INDArray logits = Nd4j.create(DataType.DOUBLE, 2, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogitLosses.softmaxCrossEntropy(logits, new int[] {0, 3}))
                .getMessage().contains("class label 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogitLosses.softmaxCrossEntropy(logits, new int[] {0}))
                .getMessage().contains("1 labels for 2 rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogitLosses.sigmoidCrossEntropy(logits, Nd4j.create(DataType.DOUBLE, 2, 2)))
                .getMessage().contains("[2, 2]"));
    }

    private static void assertGradientMatches(INDArray logits, INDArray gradient, ToDoubleFunction<INDArray> loss) {
        double h = 1e-6;
        for (int i = 0; i < logits.size(0); i++) {
            for (int j = 0; j < logits.size(1); j++) {
                INDArray up = logits.dup();
                up.putScalar(i, j, logits.getDouble(i, j) + h);
                INDArray down = logits.dup();
                down.putScalar(i, j, logits.getDouble(i, j) - h);
                double numeric = (loss.applyAsDouble(up) - loss.applyAsDouble(down)) / (2 * h);
                assertEquals(numeric, gradient.getDouble(i, j), 1e-6, "logit " + i + "," + j);
            }
        }
    }

    private static double numeric(DoubleUnaryOperator f, double x) {
        double h = 1e-5;
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
