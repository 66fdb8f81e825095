package dev.gan4j.metrics;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModeCoverageTest {
    private static final double[][] MEANS = {{0, 0}, {2, 0}, {0, 2}, {2, 2}};

    private static double[][] draw(int n, int[] modes, double std, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] mean = MEANS[modes[i % modes.length]];
            points[i] = new double[] {mean[0] + std * random.nextGaussian(), mean[1] + std * random.nextGaussian()};
        }
        return points;
    }

    @Test
    void samplesFromTheMixtureCaptureEveryModeEvenly() {
        ModeCoverage.Result r = ModeCoverage.compute(Nd4j.create(draw(4000, new int[] {0, 1, 2, 3}, 0.05, 1)), MEANS, 0.05);
        assertEquals(4, r.modesCaptured());
        assertTrue(r.highQualityShare() > 0.98, "about 98.9% of a 2-D Gaussian lies within 3 std: " + r.highQualityShare());
        assertEquals(0, r.klToUniform(), 1e-3);
    }

    @Test
    void collapseOnOneModeShowsInCountAndKl() {
        ModeCoverage.Result r = ModeCoverage.compute(Nd4j.create(draw(1000, new int[] {2}, 0.05, 2)), MEANS, 0.05);
        assertEquals(1, r.modesCaptured());
        assertEquals(Math.log(4), r.klToUniform(), 1e-12);
    }

    @Test
    void farSamplesAreNotHighQuality() {
        double[][] points = {{1, 1}, {1, 1.01}, {0.01, 0}, {5, 5}};
        ModeCoverage.Result r = ModeCoverage.compute(Nd4j.create(points), MEANS, 0.05);
        assertEquals(0.25, r.highQualityShare(), 0);
        assertEquals(1, r.modesCaptured());
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.compute(Nd4j.create(new double[][] {{1, 2, 3}}), MEANS, 0.05));
    }

    @Test
    void unusableInputIsRefusedSayingWhy() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.compute(Nd4j.create(new double[][] {{0, 0}}), new double[][] {{0, 0}, {1}}, 0.05));
        assertEquals("every mean needs 2 coordinates, as the first has; found 1", ragged.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.compute(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 0, 2), MEANS, 0.05));
        assertEquals("mode coverage needs at least one sample", empty.getMessage());
    }

    /** PacGAN's cut-off, exactly 3 std from the nearest mean, in any direction; a mode counts only its HQ samples. */
    @Test
    void highQualityEndsAtThreeStd() {
        double std = 0.05;
        double inside = 2.99 * std;
        double outside = 3.01 * std;
        double diagonal = Math.sqrt(0.5);
        double[][] points = {
            {inside, 0}, {2, -inside}, {inside * diagonal, 2 + inside * diagonal},
            {outside, 0}, {2 - outside * diagonal, outside * diagonal}, {2 + outside, 2}};
        ModeCoverage.Result r = ModeCoverage.compute(Nd4j.create(points), MEANS, std);
        assertEquals(0.5, r.highQualityShare(), 0);
        assertEquals(3, r.modesCaptured(), "mode (2, 2) has only a sample beyond 3 std");
        assertEquals(Math.log(4.0 / 3), r.klToUniform(), 1e-12, "three modes with one HQ sample each");
    }
}
