package dev.gan4j.trainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdversarialLossTest {
    private static final double[] LOGITS = {-30, -4.2, -1.3, -0.1, 0, 0.3, 2.5, 7, 30};

    /** Every loss's three derivatives against finite differences, away from the hinge's kinks at +-1. */
    @ParameterizedTest
    @EnumSource(AdversarialLoss.class)
    void lossGradientsMatchFiniteDifferences(AdversarialLoss loss) {
        for (double x : LOGITS) {
            assertEquals(numeric(loss::realLoss, x), loss.realGradient(x), 1e-6, loss + " real at " + x);
            assertEquals(numeric(loss::fakeLoss, x), loss.fakeGradient(x), 1e-6, loss + " fake at " + x);
            assertEquals(numeric(loss::generatorLoss, x), loss.generatorGradient(x), 1e-6, loss + " generator at " + x);
        }
    }

    @Test
    void minimaxSaturatesWhereNonSaturatingDoesNot() {
        double confidentFake = -8;
        assertEquals(0, AdversarialLoss.MINIMAX.generatorGradient(confidentFake), 1e-3);
        assertEquals(-1, AdversarialLoss.NON_SATURATING.generatorGradient(confidentFake), 1e-3);
    }

    @Test
    void lossesHaveTheirPublishedMinima() {
        assertEquals(0, AdversarialLoss.LEAST_SQUARES.realLoss(1), 0);
        assertEquals(0, AdversarialLoss.LEAST_SQUARES.fakeLoss(0), 0);
        assertEquals(0, AdversarialLoss.HINGE.realLoss(1.5), 0);
        assertEquals(0, AdversarialLoss.HINGE.fakeLoss(-1.5), 0);
        assertEquals(-2, AdversarialLoss.WASSERSTEIN.realLoss(2) - 0, 0);
        assertEquals(0.5, AdversarialLoss.HINGE.reported(0.5), 0);
        assertEquals(0.5, AdversarialLoss.NON_SATURATING.reported(0), 0);
    }

    private static double numeric(DoubleUnaryOperator f, double x) {
        double h = 1e-5;
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
