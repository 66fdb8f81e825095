package dev.gan4j.trainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogitLossesTest {
    private static final double[] LOGITS = {-30, -4.2, -1, -0.1, 0, 0.3, 2.5, 7, 30};

    @Test
    void crossEntropyMatchesItsDefinitionAndStaysFiniteForLargeLogits() {
        for (double x : new double[] {-3, -0.5, 0, 0.5, 3}) {
            double p = 1 / (1 + Math.exp(-x));
            assertEquals(-Math.log(p), LogitLosses.lossReal(x), 1e-12);
            assertEquals(-Math.log(1 - p), LogitLosses.lossFake(x), 1e-12);
        }
        assertEquals(1000, LogitLosses.lossReal(-1000), 1e-9);
        assertEquals(0, LogitLosses.lossReal(1000), 1e-12);
        assertEquals(1, LogitLosses.sigmoid(800), 0);
        assertEquals(0, LogitLosses.sigmoid(-800), 0);
    }

    @Test
    void discriminatorLossGradientsMatchFiniteDifferences() {
        for (double x : LOGITS) {
            assertEquals(numeric(LogitLosses::lossReal, x), LogitLosses.sigmoid(x) - 1, 1e-6, "real at " + x);
            assertEquals(numeric(LogitLosses::lossFake, x), LogitLosses.sigmoid(x), 1e-6, "fake at " + x);
        }
    }

    @ParameterizedTest
    @EnumSource(GeneratorObjective.class)
    void generatorObjectiveGradientMatchesFiniteDifferences(GeneratorObjective objective) {
        for (double x : LOGITS) {
            assertEquals(numeric(objective::loss, x), objective.gradient(x), 1e-6, objective + " at " + x);
        }
    }

    @Test
    void minimaxSaturatesWhereNonSaturatingDoesNot() {
        double confidentFake = -8;
        assertEquals(0, GeneratorObjective.MINIMAX.gradient(confidentFake), 1e-3);
        assertEquals(-1, GeneratorObjective.NON_SATURATING.gradient(confidentFake), 1e-3);
    }

    private static double numeric(DoubleUnaryOperator f, double x) {
        double h = 1e-5;
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
