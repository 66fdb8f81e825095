package dev.gan4j.trainers;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.fast.FastNetwork;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.train.GaussianStepContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each penalty's parameter gradient, computed by the finite-difference Hessian-vector product, against
 * central differences of the penalty itself in double precision.
 */
class GradientPenaltyTest {
    private static final int N = 6;
    private static final Shape SHAPE = Shape.vector(3);

    private static FastNetwork critic(DataType type, boolean smooth) {
        return critic(type, smooth, 0);
    }

    /** A critic with {@code auxiliary} class logits after its adversarial one. */
    private static FastNetwork critic(DataType type, boolean smooth, int auxiliary) {
        FastNetwork.Builder builder = FastNetwork.builder(SHAPE, type).dense(8);
        if (smooth) {
            builder.tanh();
        } else {
            builder.leakyRelu(0.2);
        }
        return builder.dense(8).leakyRelu(0.2).dense(1 + auxiliary).build(new Sgd(0.1), 3, 0.7);
    }

    private static StepContext context(DataType type) {
        return new GaussianStepContext(17, 4, 2, type);
    }

    /**
     * The penalty value, exactly, from the input gradient of the network's first (adversarial) output at the
     * penalty's points.
     */
    private static double penalty(FastNetwork d, GradientPenalty kind, double weight, INDArray real, INDArray fake) {
        INDArray points = kind.points(real, fake, context(real.dataType()));
        INDArray output = d.forward(points, true);
        INDArray firstColumn = Nd4j.zeros(real.dataType(), output.shape());
        firstColumn.putColumn(0, Nd4j.ones(real.dataType(), N, 1));
        INDArray g = d.inputGradient(firstColumn).reshape(N, -1);
        double[] norms = g.norm2(1).toDoubleVector();
        double total = 0;
        for (double norm : norms) {
            total += weight * kind.value(norm);
        }
        d.discardGradients();
        return total;
    }

    private static double[] finiteDifferences(FastNetwork d, GradientPenalty kind, double weight, INDArray real, INDArray fake) {
        INDArray theta = d.parameters();
        double[] result = new double[(int) theta.length()];
        double eps = 1e-6;
        for (int j = 0; j < result.length; j++) {
            INDArray plus = theta.dup();
            plus.putScalar(j, theta.getDouble(j) + eps);
            d.setParameters(plus);
            double up = penalty(d, kind, weight, real, fake);
            INDArray minus = theta.dup();
            minus.putScalar(j, theta.getDouble(j) - eps);
            d.setParameters(minus);
            double down = penalty(d, kind, weight, real, fake);
            result[j] = (up - down) / (2 * eps);
        }
        d.setParameters(theta);
        return result;
    }

    private static double relativeError(double[] actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    private static double accumulate(GradientPenaltyTerm term, FastNetwork d, int auxiliary, INDArray real, INDArray fake) {
        return term.accumulate(new NetworkDiscriminator(SHAPE, 0, d, auxiliary), null, real, fake, context(real.dataType()));
    }

    private static double[] hessianVectorGradient(FastNetwork d, GradientPenalty kind, double weight, INDArray real, INDArray fake) {
        return hessianVectorGradient(d, 0, kind, weight, real, fake);
    }

    private static double[] hessianVectorGradient(FastNetwork d, int auxiliary, GradientPenalty kind, double weight,
                                                  INDArray real, INDArray fake) {
        GradientPenaltyTerm term = new GradientPenaltyTerm(new GradientPenaltySpec(kind.id(), weight, null));
        d.discardGradients();
        accumulate(term, d, auxiliary, real, fake);
        double[] gradient = d.accumulatedGradient().toDoubleVector();
        d.discardGradients();
        return gradient;
    }

    @ParameterizedTest
    @EnumSource(GradientPenalty.class)
    void parameterGradientMatchesFiniteDifferences(GradientPenalty kind) {
        for (boolean smooth : new boolean[] {true, false}) {
            FastNetwork reference = critic(DataType.DOUBLE, smooth);
            INDArray real = new NormalSampler(1).next(DataType.DOUBLE, N, 3);
            INDArray fake = new NormalSampler(2).next(DataType.DOUBLE, N, 3).muli(2);
            double[] expected = finiteDifferences(reference, kind, 3.0, real, fake);

            double doubleError = relativeError(hessianVectorGradient(reference, kind, 3.0, real, fake), expected);
            assertTrue(doubleError < 1e-4, kind + (smooth ? " tanh" : " leaky") + " in double: relative error " + doubleError);

            FastNetwork single = critic(DataType.FLOAT, smooth);
            single.setParameters(reference.parameters().castTo(DataType.FLOAT));
            double floatError = relativeError(hessianVectorGradient(single, kind, 3.0, real.castTo(DataType.FLOAT),
                    fake.castTo(DataType.FLOAT)), expected);
            
            assertTrue(floatError < 2e-3, kind + (smooth ? " tanh" : " leaky") + " in float: relative error " + floatError);
        }
    }

    @Test
    void anAuxiliaryClassifiersLogitsAreNotPenalised() {
        FastNetwork d = critic(DataType.DOUBLE, false, 3);
        INDArray real = new NormalSampler(1).next(DataType.DOUBLE, N, 3);
        INDArray fake = new NormalSampler(2).next(DataType.DOUBLE, N, 3).muli(2);
        for (GradientPenalty kind : GradientPenalty.values()) {
            double[] expected = finiteDifferences(d, kind, 3.0, real, fake);
            double error = relativeError(hessianVectorGradient(d, 3, kind, 3.0, real, fake), expected);
            assertTrue(error < 1e-4, kind + ": relative error " + error);
        }
    }

    /**
     * DRAGAN's points lie between each real example and its perturbed copy, at a weight drawn per example
     * (Kodali et al.'s code): rows move by different fractions of the perturbation, from none to all of it.
     */
    @Test
    void draganInterpolatesTowardsThePerturbedExamplePerExample() {
        int rows = 200;
        int columns = 400;
        INDArray real = new NormalSampler(3).next(DataType.DOUBLE, rows, columns);
        double scale = 0.5 * real.stdNumber().doubleValue();
        INDArray moved = GradientPenalty.DRAGAN.points(real, real, context(DataType.DOUBLE)).sub(real).divi(scale);
        assertTrue(moved.minNumber().doubleValue() >= 0 && moved.maxNumber().doubleValue() <= 1, "within the perturbation");
        double[] rowMeans = moved.mean(1).toDoubleVector();
        double low = java.util.Arrays.stream(rowMeans).min().orElseThrow();
        double high = java.util.Arrays.stream(rowMeans).max().orElseThrow();
        assertTrue(low < 0.05 && high > 0.45, "row mean displacements from " + low + " to " + high
                + " of the noise's range; the uniform noise alone puts every row near 0.5");
        assertEquals(0.25, moved.meanNumber().doubleValue(), 0.03);
    }

    @Test
    void theReferenceCatchesAWrongGradient() {
        FastNetwork d = critic(DataType.DOUBLE, true);
        INDArray real = new NormalSampler(1).next(DataType.DOUBLE, N, 3);
        INDArray fake = new NormalSampler(2).next(DataType.DOUBLE, N, 3);
        double[] expected = finiteDifferences(d, GradientPenalty.WGAN_GP, 3.0, real, fake);
        double[] ofR1 = hessianVectorGradient(d, GradientPenalty.R1, 3.0, real, fake);
        assertTrue(relativeError(ofR1, expected) > 0.1, "another penalty's gradient is told apart");
    }

    @Test
    void batchNormalisedDiscriminatorsAreRefused() {
        FastNetwork d = FastNetwork.builder(SHAPE, DataType.FLOAT).dense(4).batchNorm().leakyRelu(0.2).dense(1)
                .build(new Sgd(0.1), 1, 0.1);
        GradientPenaltyTerm term = new GradientPenaltyTerm(new GradientPenaltySpec("r1", null, null));
        INDArray real = new NormalSampler(1).next(DataType.FLOAT, N, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> accumulate(term, d, 0, real, real));
        assertTrue(e.getMessage().contains("batch normalization"), e.getMessage());
    }

    @Test
    void unknownPenaltiesListTheKnownOnes() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new GradientPenaltySpec("wgangp", null, null));
        assertEquals("type", e.field());
        assertTrue(e.problem().contains("wgan-gp, dragan, r1"), e.problem());
    }

    @Test
    void lazyRegularisationAppliesEveryKthUpdateScaled() {
        GradientPenaltyTerm lazy = new GradientPenaltyTerm(new GradientPenaltySpec("r1", 2.0, 4));
        assertTrue(lazy.appliesAt(0));
        assertTrue(!lazy.appliesAt(1) && !lazy.appliesAt(3));
        assertTrue(lazy.appliesAt(8));
        FastNetwork d = critic(DataType.DOUBLE, true);
        INDArray real = new NormalSampler(1).next(DataType.DOUBLE, N, 3);
        double plain = accumulate(new GradientPenaltyTerm(new GradientPenaltySpec("r1", 2.0, null)), d, 0, real, real);
        d.discardGradients();
        assertEquals(4 * plain, accumulate(lazy, d, 0, real, real), 1e-9 * plain);
    }
}
