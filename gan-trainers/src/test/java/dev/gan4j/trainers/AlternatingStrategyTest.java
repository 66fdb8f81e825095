package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.Unconditional;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.nn.ForwardingNetwork;
import dev.gan4j.core.nn.LogitLosses;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.train.GaussianStepContext;
import dev.gan4j.models.MlpDiscriminatorSpec;
import dev.gan4j.models.MlpGeneratorSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlternatingStrategyTest {
    private static GanModel model() {
        ModelContext context = new ModelContext(Shape.vector(2), 0, 3, new Adam(0.05), DataType.FLOAT);
        return new GanModel(new MlpGeneratorSpec(2, new int[] {16}, false, "linear", null).create(context),
                new MlpDiscriminatorSpec(new int[] {16}, 0.2).create(context), Unconditional.INSTANCE);
    }

    private static Map<String, Double> step(dev.gan4j.core.api.TrainingStrategy strategy, GanModel model, long step) {
        Nd4j.getRandom().setSeed(step);
        return strategy.step(model, new Batch(realExamples(step), null), new GaussianStepContext(7, step, 2, DataType.FLOAT));
    }

    /** The real batch of {@link #step}. */
    private static INDArray realExamples(long step) {
        return new dev.gan4j.core.api.NormalSampler(100 + step).next(DataType.FLOAT, 32, 2);
    }

    @Test
    void severalDiscriminatorStepsPerGeneratorStep() {
        GanModel model = model();
        AlternatingStrategy strategy = new AlternatingStrategy(AdversarialLoss.HINGE, 3, 0);
        for (long s = 0; s < 6; s++) {
            Map<String, Double> values = step(strategy, model, s);
            assertEquals(s % 3 == 2, values.containsKey("g_loss"), "G learns on the last of every 3 steps, step " + s);
            assertTrue(values.containsKey("d_loss"));
        }
        assertEquals(6, model.discriminator().network().updateCount());
        assertEquals(2, model.generator().network().updateCount());
    }

    @Test
    void weightClippingBoundsTheCritic() {
        GanModel model = model();
        AlternatingStrategy strategy = new WassersteinSpec(1, 0.01, null, null).create() instanceof AlternatingStrategy a ? a : null;
        for (long s = 0; s < 3; s++) {
            step(strategy, model, s);
        }
        double largest = model.discriminator().network().parameters().amaxNumber().doubleValue();
        assertTrue(largest <= 0.01 + 1e-7, "critic parameters within the clip, largest " + largest);
        assertEquals(0.01, largest, 1e-3, "the clip is active (Adam at lr 0.05 pushes weights past it)");
    }

    @Test
    void everyLossTrainsWithoutNonFiniteValues() {
        for (AdversarialLoss loss : AdversarialLoss.values()) {
            GanModel model = model();
            AlternatingStrategy strategy = new AlternatingStrategy(loss, 1, loss == AdversarialLoss.WASSERSTEIN ? 0.01 : 0);
            for (long s = 0; s < 5; s++) {
                for (double v : step(strategy, model, s).values()) {
                    assertTrue(Double.isFinite(v), loss + " step " + s);
                }
            }
        }
    }

    /** The smoothed target's cross-entropy has the gradient the strategy uses; losses without a target refuse it. */
    @Test
    void labelSmoothingIsACrossEntropyTarget() {
        assertEquals(numeric(x -> LogitLosses.crossEntropy(x, 0.9), 0.3), LogitLosses.sigmoid(0.3) - 0.9, 1e-6);
        InvalidValueException hinge = assertThrows(InvalidValueException.class,
                () -> new AlternatingStrategy(AdversarialLoss.HINGE, 1, 0, new StabilizersSpec(0.1, null, null)));
        assertEquals("stabilizers.labelSmoothing", hinge.field());
    }

    /** Wasserstein clips the critic at 0.01 (Arjovsky et al. 2017) unless a penalty keeps it Lipschitz instead. */
    @Test
    void wassersteinClipsUnlessPenalised() {
        GradientPenaltySpec gp = new GradientPenaltySpec("wgan-gp", null, null);
        assertEquals(0.01, new WassersteinSpec(null, null, null, null).weightClip(), 0);
        assertEquals(0.0, new WassersteinSpec(null, null, null, gp).weightClip(), 0);
        assertEquals(0.05, new WassersteinSpec(null, 0.05, null, gp).weightClip(), 0, "an explicit clip is kept");
        assertEquals(5, new WassersteinSpec(null, null, null, null).discriminatorSteps());
    }

    /** D's gradient on the real examples is that of the cross-entropy against 0.9, and d_loss is that loss's mean. */
    @Test
    void labelSmoothingTrainsDTowardsTheSmoothedTarget() {
        RecordingNetwork d = new RecordingNetwork(model().discriminator().network());
        GanModel model = recorded(d);
        AlternatingStrategy smoothed = new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, new StabilizersSpec(0.1, null, null));
        Map<String, Double> values = step(smoothed, model, 0);
        double[] real = d.outputs.get(0).toDoubleVector();
        double[] fake = d.outputs.get(1).toDoubleVector();
        double[] realGradient = d.parameterGradients.get(0).toDoubleVector();
        double loss = 0;
        for (int i = 0; i < real.length; i++) {
            assertEquals(LogitLosses.sigmoid(real[i]) - 0.9, realGradient[i], 1e-6, "example " + i);
            loss += LogitLosses.crossEntropy(real[i], 0.9) + AdversarialLoss.NON_SATURATING.fakeLoss(fake[i]);
        }
        assertEquals(loss / real.length, values.get("d_loss"), 1e-5);
    }

    @Test
    void instanceNoiseAnnealsToZero() {
        StabilizersSpec noise = new StabilizersSpec(null, 0.2, 100);
        assertEquals(0.2, noise.noiseAt(0), 1e-12);
        assertEquals(0.1, noise.noiseAt(50), 1e-12);
        assertEquals(0, noise.noiseAt(150), 0);
        assertEquals(0.2, new StabilizersSpec(null, 0.2, 0).noiseAt(1000), 0);
    }

    /**
     * D sees the real batch plus noise of the step's std, none once annealed, and G's update is judged on the same
     * noisy generated batch as D's.
     */
    @Test
    void instanceNoiseReachesWhatDJudges() {
        RecordingNetwork d = new RecordingNetwork(model().discriminator().network());
        GanModel model = recorded(d);
        AlternatingStrategy strategy = new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0,
                new StabilizersSpec(null, 0.2, 100));
        for (long s : new long[] {0, 50, 150}) {
            d.inputs.clear();
            step(strategy, model, s);
            INDArray real = realExamples(s);
            double std = d.inputs.get(0).sub(real).stdNumber().doubleValue();
            double expected = 0.2 * Math.max(0, 1 - s / 100.0);
            assertEquals(expected, std, expected * 0.2 + 1e-7, "noise on the real batch at step " + s);
            assertEquals(3, d.inputs.size(), "real, generated, and the generated batch again for G");
            assertEquals(d.inputs.get(1), d.inputs.get(2), "G is judged on the batch D learned from, step " + s);
        }
    }

    private static GanModel recorded(RecordingNetwork d) {
        GanModel base = model();
        return new GanModel(base.generator(), new NetworkDiscriminator(Shape.vector(2), 0, d), Unconditional.INSTANCE);
    }

    private static double numeric(java.util.function.DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + 1e-5) - f.applyAsDouble(x - 1e-5)) / 2e-5;
    }

    /**
     * The strategy adds the penalty's own parameter gradient, summed over the batch and weighted by weight x every, to
     * the D update that follows every {@code every}-th, and nothing to the others. The two models share every draw and
     * are set to the same parameters before each step, so their D updates differ by the penalty term alone.
     */
    @Test
    void thePenaltyJoinsEveryKthDUpdate() {
        GradientPenaltySpec r1 = new GradientPenaltySpec("r1", 1.5, 2);
        GradientPenaltySpec eager = new GradientPenaltySpec("r1", 3.0, 1);
        RecordingNetwork penalised = new RecordingNetwork(model().discriminator().network());
        RecordingNetwork plain = new RecordingNetwork(model().discriminator().network());
        GanModel a = recorded(penalised);
        GanModel b = recorded(plain);
        AlternatingStrategy with = new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, StabilizersSpec.none(), r1, false);
        AlternatingStrategy without = new AlternatingStrategy(AdversarialLoss.NON_SATURATING);
        for (int s = 0; s < 4; s++) {
            b.generator().network().setParameters(a.generator().network().parameters());
            plain.setParameters(penalised.parameters());
            TrainableNetwork copy = model().discriminator().network();
            copy.setParameters(penalised.parameters());
            double total = new GradientPenaltyTerm(eager).accumulate(new NetworkDiscriminator(Shape.vector(2), 0, copy), null,
                    realExamples(s), null, new GaussianStepContext(7, s, 2, DataType.FLOAT));
            INDArray expected = copy.accumulatedGradient();
            Map<String, Double> values = step(with, a, s);
            step(without, b, s);
            INDArray difference = penalised.applied.get(s).sub(plain.applied.get(s));
            if (s % 2 == 0) {
                assertTrue(expected.norm2Number().doubleValue() > 1e-3, "R1 has a gradient here");
                assertTrue(difference.equalsWithEps(expected, 1e-4 * expected.amaxNumber().doubleValue()),
                        "step " + s + ": the update carries the penalty's gradient once, weighted by 1.5 x 2");
                assertEquals(total / 32, values.get("d_penalty"), 1e-6 * total, "d_penalty is the batch mean");
            } else {
                assertEquals(0, difference.amaxNumber().doubleValue(), 1e-6 * plain.applied.get(s).amaxNumber().doubleValue(),
                        "step " + s + ": no penalty between lazy updates");
                assertFalse(values.containsKey("d_penalty"));
            }
        }
    }

    /**
     * D learns from both batches when it misjudges them, by the non-saturating loss's gradients sigmoid(s) - 1 on
     * real and sigmoid(s) on generated examples; otherwise G learns and D's real-batch gradient is dropped, so it
     * never leaks into a later D update.
     */
    @Test
    void errorDrivenUpdatesDWhileItMisjudgesAndGOtherwise() {
        RecordingNetwork d = new RecordingNetwork(model().discriminator().network());
        GanModel model = recorded(d);
        ErrorDrivenStrategy strategy = new ErrorDrivenStrategy(0.1);
        int dSteps = 0;
        int gSteps = 0;
        for (long s = 0; s < 40; s++) {
            d.parameterGradients.clear();
            d.outputs.clear();
            int appliedBefore = d.applied.size();
            INDArray parametersBefore = d.parameters();
            Map<String, Double> values = step(strategy, model, s);
            boolean misjudged = values.get("d_real") < 0.6 || values.get("d_fake") > 0.4;
            assertEquals(misjudged ? 1.0 : 0.0, values.get("d_updated"), "step " + s + ": " + values);
            assertEquals(!misjudged, values.containsKey("g_loss"));
            assertNull(d.accumulatedGradient(), "step " + s + ": D's gradient is applied or dropped within the step");
            INDArray realScores = d.outputs.get(0);
            assertTrue(d.parameterGradients.get(0).equalsWithEps(Transforms.sigmoid(realScores).subi(1), 1e-6),
                    "step " + s + ": D's real-batch gradient");
            if (misjudged) {
                dSteps++;
                assertEquals(2, d.parameterGradients.size(), "step " + s + ": D learns from the real and the generated batch");
                assertTrue(d.parameterGradients.get(1).equalsWithEps(Transforms.sigmoid(d.outputs.get(1)), 1e-6),
                        "step " + s + ": D's generated-batch gradient");
                assertEquals(appliedBefore + 1, d.applied.size());
            } else {
                gSteps++;
                assertEquals(appliedBefore, d.applied.size(), "step " + s + ": D does not learn on G's turn");
                assertEquals(parametersBefore, d.parameters());
            }
        }
        assertTrue(dSteps > 0 && gSteps > 0, "both players moved: D " + dSteps + ", G " + gSteps);
        assertEquals(dSteps, model.discriminator().network().updateCount());
        assertEquals(gSteps, model.generator().network().updateCount());
        assertThrows(IllegalArgumentException.class, () -> new ErrorDrivenStrategy(0.5));
    }

    @Test
    void invalidSettingsNameTheirField() {
        assertEquals("discriminatorSteps", assertThrows(InvalidValueException.class,
                () -> new AlternatingStrategy(AdversarialLoss.HINGE, 0, 0)).field());
        assertEquals("weightClip", assertThrows(InvalidValueException.class,
                () -> new AlternatingStrategy(AdversarialLoss.HINGE, 1, -1)).field());
        assertEquals("weightClip", assertThrows(InvalidValueException.class,
                () -> new AlternatingStrategy(AdversarialLoss.HINGE, 1, Double.NaN)).field());
    }

    /**
     * G learns from the D that has just learned from this round (Goodfellow et al. 2014, Algorithm 1): the scores of
     * G's update are the updated D's, not the scores D was trained on.
     */
    @Test
    void theGeneratorIsJudgedByTheUpdatedDiscriminator() {
        RecordingNetwork d = new RecordingNetwork(model().discriminator().network());
        GanModel model = recorded(d);
        step(new AlternatingStrategy(AdversarialLoss.NON_SATURATING), model, 0);
        assertEquals(3, d.outputs.size(), "real, generated, and the generated batch again for G");
        INDArray trainedOn = d.outputs.get(1);
        INDArray judgedBy = d.outputs.get(2);
        INDArray updated = d.forward(d.inputs.get(2), true);
        assertEquals(updated, judgedBy);
        assertTrue(trainedOn.sub(judgedBy).amaxNumber().doubleValue() > 1e-3, "D moved between the two judgements");
    }

    /** A penalty that breaks (here a NaN input gradient) is reported under its own name, so the run stops naming it. */
    @Test
    void aNonFinitePenaltyIsReported() {
        TrainableNetwork broken = new ForwardingNetwork(model().discriminator().network()) {
            @Override
            public INDArray inputGradient(INDArray outputGradient) {
                return super.inputGradient(outputGradient).dup().assign(Double.NaN);
            }
        };
        GanModel model = new GanModel(model().generator(), new NetworkDiscriminator(Shape.vector(2), 0, broken), Unconditional.INSTANCE);
        AlternatingStrategy strategy = new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, StabilizersSpec.none(),
                new GradientPenaltySpec("r1", 0.1, 1));
        Map<String, Double> values = step(strategy, model, 0);
        assertTrue(values.containsKey("d_penalty") && Double.isNaN(values.get("d_penalty")), values.toString());
    }
}
