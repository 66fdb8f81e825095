package dev.gan4j.trainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Least squares (Mao et al. 2017, a = 0, b = 1): D's losses are least, 0, exactly at the targets, with zero
     * gradient there. Hinge (Lim &amp; Ye 2017): 0 beyond the margins, positive inside them. Checked over a grid of
     * scores, not only at the minimiser.
     */
    @Test
    void lossesHaveTheirPublishedMinima() {
        AdversarialLoss ls = AdversarialLoss.LEAST_SQUARES;
        AdversarialLoss hinge = AdversarialLoss.HINGE;
        assertEquals(0, ls.realLoss(1), 0);
        assertEquals(0, ls.fakeLoss(0), 0);
        assertEquals(0, ls.realGradient(1), 0);
        assertEquals(0, ls.fakeGradient(0), 0);
        for (double s = -3; s <= 3; s += 0.25) {
            assertTrue(ls.realLoss(s) >= 0 && ls.fakeLoss(s) >= 0, "least squares at " + s);
            assertEquals(s > -1 && s < 1, hinge.realLoss(s) > 0 && hinge.fakeLoss(s) > 0, "hinge inside the margins at " + s);
            assertTrue(hinge.realLoss(s) >= 0 && hinge.fakeLoss(s) >= 0, "hinge at " + s);
            assertEquals(s >= 1, hinge.realLoss(s) == 0, "hinge real margin at " + s);
            assertEquals(s <= -1, hinge.fakeLoss(s) == 0, "hinge fake margin at " + s);
        }
        assertEquals(-2, AdversarialLoss.WASSERSTEIN.realLoss(2), 0);
        assertEquals(2, AdversarialLoss.WASSERSTEIN.fakeLoss(2), 0);
    }

    /**
     * The direction of each loss, pinned by the papers' values: a sign error in a loss and its derivative together
     * would pass the finite-difference check above. G gains (its loss falls) as D scores its samples higher, under
     * every loss; D's cross-entropy terms are -log sigmoid(s) on real and -log(1 - sigmoid(s)) on generated examples.
     */
    @Test
    void lossesPointTheWayThePapersSay() {
        double log2 = Math.log(2);
        assertEquals(-log2, AdversarialLoss.MINIMAX.generatorLoss(0), 1e-12, "G minimises log(1 - D(G(z)))");
        assertEquals(Math.log(1 - sigmoid(2)), AdversarialLoss.MINIMAX.generatorLoss(2), 1e-12);
        assertEquals(-Math.log(sigmoid(2)), AdversarialLoss.NON_SATURATING.generatorLoss(2), 1e-12, "G minimises -log D(G(z))");
        assertEquals(0, AdversarialLoss.LEAST_SQUARES.generatorLoss(1), 0, "G pulls fake scores to 1");
        assertEquals(0.5, AdversarialLoss.LEAST_SQUARES.generatorLoss(0), 0);
        assertEquals(-2, AdversarialLoss.HINGE.generatorLoss(2), 0, "G minimises -D(G(z))");
        assertEquals(-2, AdversarialLoss.WASSERSTEIN.generatorLoss(2), 0);
        for (AdversarialLoss loss : AdversarialLoss.values()) {
            if (loss.crossEntropy()) {
                assertEquals(-Math.log(sigmoid(1.5)), loss.realLoss(1.5), 1e-12, loss + " real");
                assertEquals(-Math.log(1 - sigmoid(1.5)), loss.fakeLoss(1.5), 1e-12, loss + " fake");
            }
            for (double s : new double[] {-2.5, -0.5, 0, 0.5}) {
                assertTrue(loss.generatorGradient(s) < 0, loss + ": G's loss must fall as D's score of its sample rises, at " + s);
                assertTrue(loss.generatorLoss(s + 0.1) < loss.generatorLoss(s), loss + " at " + s);
                assertTrue(loss.realLoss(s + 0.1) <= loss.realLoss(s), loss + ": D's loss falls as real scores rise, at " + s);
                assertTrue(s < 0 || loss.fakeLoss(s + 0.1) > loss.fakeLoss(s),
                        loss + ": D's loss rises with the score of a generated example above every loss's fake target, at " + s);
            }
        }
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /** What the progress line and metrics.jsonl show as d_real and d_fake: raw scores, or probabilities for cross-entropy. */
    @Test
    void reportedScores() {
        assertEquals(0.5, AdversarialLoss.HINGE.reported(0.5), 0);
        assertEquals(0.5, AdversarialLoss.NON_SATURATING.reported(0), 0);
        assertEquals(1 / (1 + Math.exp(-2)), AdversarialLoss.MINIMAX.reported(2), 1e-12);
    }

    private static double numeric(DoubleUnaryOperator f, double x) {
        double h = 1e-5;
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
