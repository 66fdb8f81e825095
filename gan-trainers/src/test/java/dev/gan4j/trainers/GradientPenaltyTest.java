package dev.gan4j.trainers;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.nn.ConditionalDiscriminator;
import dev.gan4j.nn.ConditionalNetwork;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.train.GaussianStepContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each penalty's parameter gradient, computed by the finite-difference Hessian-vector product, against
 * central differences of the penalty itself in double precision.
 */
class GradientPenaltyTest {
    private static final int N = 6;
    private static final Shape SHAPE = Shape.vector(3);
    private static final int CONDITION = 4;

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
     * The penalty value, exactly, from the input gradient of the judge's first (adversarial) output at the
     * penalty's points, under {@code conditions} (null for an unconditional judge).
     */
    private static double penalty(Discriminator judge, INDArray conditions, GradientPenalty kind, double weight,
                                  INDArray real, INDArray fake) {
        INDArray points = kind.points(real, fake, context(real.dataType()));
        INDArray output = judge.judge(points, conditions, true);
        INDArray firstColumn = Nd4j.zeros(real.dataType(), output.shape());
        firstColumn.putColumn(0, Nd4j.ones(real.dataType(), N, 1));
        INDArray g = judge.network().inputGradient(firstColumn).reshape(N, -1);
        double[] norms = g.norm2(1).toDoubleVector();
        double total = 0;
        for (double norm : norms) {
            total += weight * kind.value(norm);
        }
        judge.network().discardGradients();
        return total;
    }

    private static double[] finiteDifferences(FastNetwork d, GradientPenalty kind, double weight, INDArray real, INDArray fake) {
        return finiteDifferences(Critic.of(d), kind, weight, real, fake, IntStream.range(0, (int) d.parameterCount()).toArray());
    }

    /** Central differences of the penalty in the parameters at {@code indices} (0 for the others). */
    private static double[] finiteDifferences(Critic critic, GradientPenalty kind, double weight, INDArray real, INDArray fake,
                                              int[] indices) {
        TrainableNetwork d = critic.judge().network();
        INDArray theta = d.parameters().dup();
        double[] result = new double[(int) theta.length()];
        double eps = 1e-6;
        for (int j : indices) {
            INDArray plus = theta.dup();
            plus.putScalar(j, theta.getDouble(j) + eps);
            critic.reset(plus);
            double up = penalty(critic.judge(), critic.conditions(), kind, weight, real, fake);
            INDArray minus = theta.dup();
            minus.putScalar(j, theta.getDouble(j) - eps);
            critic.reset(minus);
            double down = penalty(critic.judge(), critic.conditions(), kind, weight, real, fake);
            result[j] = (up - down) / (2 * eps);
        }
        critic.reset(theta);
        return result;
    }

    private static double relativeError(double[] actual, double[] expected) {
        return relativeError(actual, expected, IntStream.range(0, expected.length).toArray());
    }

    /** Over the entries at {@code indices}, those {@link #finiteDifferences} computed. */
    private static double relativeError(double[] actual, double[] expected, int[] indices) {
        double diff = 0;
        double norm = 0;
        for (int i : indices) {
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
        double low = Arrays.stream(rowMeans).min().orElseThrow();
        double high = Arrays.stream(rowMeans).max().orElseThrow();
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

    /**
     * A judge whose penalty depends on its parameters alone: a spectrally normalized one moves its vectors u at
     * every training forward, so each evaluation restarts them from one saved state.
     */
    private record Critic(Discriminator judge, INDArray conditions, byte[] state) {
        static Critic of(FastNetwork d) {
            return new Critic(new NetworkDiscriminator(SHAPE, 0, d), null, null);
        }

        /** Power-iterates the spectral norms, if any, to convergence and keeps that state. */
        static Critic converged(Discriminator judge, INDArray conditions, INDArray points) {
            for (int i = 0; i < 300; i++) {
                judge.judge(points, conditions, true);
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                judge.network().writeState(new DataOutputStream(bytes));
                return new Critic(judge, conditions, bytes.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void reset(INDArray parameters) {
            if (state != null) {
                try {
                    judge.network().readState(new DataInputStream(new ByteArrayInputStream(state)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            judge.network().setParameters(parameters);
        }
    }

    private static Critic conditionalCritic(ConditionalNetwork.Join join, boolean spectralNorm, INDArray real) {
        FastNetwork features = FastNetwork.builder(SHAPE, DataType.DOUBLE).spectralNorm(spectralNorm)
                .dense(8).tanh().dense(6).leakyRelu(0.2).build(new Sgd(0.1), 5, 0.7);
        ConditionalNetwork network = new ConditionalNetwork(features, 6, CONDITION, join, 1, spectralNorm, new Sgd(0.1), 6,
                0.7, DataType.DOUBLE);
        INDArray conditions = new NormalSampler(4).next(DataType.DOUBLE, N, CONDITION);
        ConditionalDiscriminator judge = new ConditionalDiscriminator(SHAPE, CONDITION, 0, network);
        return spectralNorm ? Critic.converged(judge, conditions, real) : new Critic(judge, conditions, null);
    }

    /**
     * About 50 parameters spread over all of them, and the last 20 (the projection's embedding, the concat head's
     * output layer), which a stride could miss.
     */
    private static int[] checkedParameters(long count) {
        int stride = (int) Math.max(1, count / 50);
        return IntStream.range(0, (int) count)
                .filter(j -> j % stride == 0 || j >= count - 20).toArray();
    }

    /**
     * The penalty through the conditional heads (the near passes run through head and embedding) and through
     * spectrally normalized layers (the near pass reuses the last W / sigma, the backward corrects for sigma).
     */
    @ParameterizedTest
    @EnumSource(GradientPenalty.class)
    void parameterGradientMatchesFiniteDifferencesThroughConditionalAndNormalizedCritics(GradientPenalty kind) {
        INDArray real = new NormalSampler(1).next(DataType.DOUBLE, N, 3);
        INDArray fake = new NormalSampler(2).next(DataType.DOUBLE, N, 3).muli(2);
        FastNetwork normalized = FastNetwork.builder(SHAPE, DataType.DOUBLE).spectralNorm(true).dense(8).tanh()
                .dense(8).leakyRelu(0.2).dense(1).build(new Sgd(0.1), 3, 0.7);
        List<Critic> critics = new ArrayList<>(List.of(
                Critic.converged(new NetworkDiscriminator(SHAPE, 0, normalized), null, real)));
        for (ConditionalNetwork.Join join : ConditionalNetwork.Join.values()) {
            for (boolean spectralNorm : new boolean[] {false, true}) {
                critics.add(conditionalCritic(join, spectralNorm, real));
            }
        }
        for (Critic critic : critics) {
            TrainableNetwork d = critic.judge().network();
            int[] checked = checkedParameters(d.parameterCount());
            double[] expected = finiteDifferences(critic, kind, 3.0, real, fake, checked);
            critic.reset(d.parameters().dup());
            d.discardGradients();
            new GradientPenaltyTerm(new GradientPenaltySpec(kind.id(), 3.0, null))
                    .accumulate(critic.judge(), critic.conditions(), real, fake, context(DataType.DOUBLE));
            double[] actual = d.accumulatedGradient().toDoubleVector();
            d.discardGradients();
            double error = relativeError(actual, expected, checked);
            assertTrue(error < 1e-4, kind + " through " + critic.judge().getClass().getSimpleName() + " "
                    + d.getClass().getSimpleName() + ": relative error " + error);
        }
    }

    /**
     * A DCGAN-shaped critic, as the anime recipe's DRAGAN penalises: the near passes of convolutions keep the frozen
     * leaky-ReLU slopes and, spectrally normalized, the last W / sigma.
     */
    @ParameterizedTest
    @EnumSource(GradientPenalty.class)
    void parameterGradientMatchesFiniteDifferencesThroughConvolutionalCritics(GradientPenalty kind) {
        Shape image = Shape.image(1, 8, 8);
        INDArray real = new NormalSampler(1).next(DataType.DOUBLE, N, 64).reshape('c', N, 1, 8, 8);
        INDArray fake = new NormalSampler(2).next(DataType.DOUBLE, N, 64).muli(2).reshape('c', N, 1, 8, 8);
        for (boolean spectralNorm : new boolean[] {false, true}) {
            FastNetwork network = FastNetwork.builder(image, DataType.DOUBLE).spectralNorm(spectralNorm)
                    .conv(3, 4, 2, 1).leakyRelu(0.2).conv(4, 4, 2, 1).leakyRelu(0.2).dense(1).build(new Sgd(0.1), 3, 0.3);
            NetworkDiscriminator judge = new NetworkDiscriminator(image, 0, network);
            Critic critic = spectralNorm ? Critic.converged(judge, null, real) : new Critic(judge, null, null);
            int[] checked = checkedParameters(network.parameterCount());
            double[] expected = finiteDifferences(critic, kind, 3.0, real, fake, checked);
            critic.reset(network.parameters().dup());
            network.discardGradients();
            new GradientPenaltyTerm(new GradientPenaltySpec(kind.id(), 3.0, null))
                    .accumulate(judge, null, real, fake, context(DataType.DOUBLE));
            double[] actual = network.accumulatedGradient().toDoubleVector();
            network.discardGradients();
            double error = relativeError(actual, expected, checked);
            assertTrue(error < 1e-4, kind + " through convolutions" + (spectralNorm ? " with SN" : "") + ": relative error " + error);
        }
    }

    /** The penalties as their papers define them, per example, before the weight. */
    @Test
    void penaltiesHaveTheirPapersFormulas() {
        for (GradientPenalty twoSided : List.of(GradientPenalty.WGAN_GP, GradientPenalty.DRAGAN)) {
            assertEquals(0, twoSided.value(1), 0);
            assertEquals(1, twoSided.value(2), 0);
            assertEquals(0.25, twoSided.value(0.5), 1e-15);
            assertEquals(2, twoSided.derivative(2), 0);
            assertEquals(-1, twoSided.derivative(0.5), 1e-15);
        }
        assertEquals(2, GradientPenalty.R1.value(2), 0);
        assertEquals(0, GradientPenalty.R1.value(0), 0);
        assertEquals(2, GradientPenalty.R1.derivative(2), 0);
    }

    /**
     * WGAN-GP's points lie on the segment between each real example and the generated one of the same row, at a
     * weight drawn per example (Gulrajani et al., Algorithm 1); R1's are the real examples.
     */
    @Test
    void wganGpInterpolatesBetweenRealAndFakePerExample() {
        int rows = 200;
        INDArray real = new NormalSampler(5).next(DataType.DOUBLE, rows, 3);
        INDArray fake = new NormalSampler(6).next(DataType.DOUBLE, rows, 3).addi(10);
        INDArray points = GradientPenalty.WGAN_GP.points(real, fake, context(DataType.DOUBLE));
        INDArray weights = points.sub(fake).divi(real.sub(fake));
        double[] perRow = new double[rows];
        for (int i = 0; i < rows; i++) {
            double[] row = weights.getRow(i).toDoubleVector();
            assertEquals(row[0], row[1], 1e-9, "one weight per example, row " + i);
            assertEquals(row[0], row[2], 1e-9, "one weight per example, row " + i);
            assertTrue(row[0] >= 0 && row[0] <= 1, "on the segment, row " + i + ": " + row[0]);
            perRow[i] = row[0];
        }
        double low = Arrays.stream(perRow).min().orElseThrow();
        double high = Arrays.stream(perRow).max().orElseThrow();
        assertTrue(low < 0.05 && high > 0.95, "weights drawn over [0, 1], found " + low + " to " + high);
        assertEquals(0.5, Arrays.stream(perRow).average().orElseThrow(), 0.06);
        assertSame(real, GradientPenalty.R1.points(real, fake, context(DataType.DOUBLE)), "R1 looks at the real examples themselves");
    }
}
