package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.TrainingStrategy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Goodfellow et al. (2014), Algorithm 1: each step updates D once on a real batch and a generated
 * batch, and every {@code discriminatorSteps} steps G once through the updated D's judgement of the
 * same generated batch. With {@code discriminatorSteps = 1} and binary cross-entropy this is the step
 * of the PyTorch DCGAN reference, computed the same way.
 *
 * <p>The generator learns by back-propagation through D: D's gradient with respect to its input is
 * pushed into G; D's own parameter gradient of that pass is never computed where the network can skip
 * it. Each network applies its own optimizer. With a weight clip, D's parameters are clipped to
 * [-clip, clip] after each of its updates (Arjovsky et al. 2017). Instance noise is added to every
 * example D sees; the same noisy generated batch serves D's update and G's, whose gradient passes
 * through the noise unchanged. A gradient penalty adds its parameter gradient to D's update
 * (see {@link GradientPenaltyTerm}).
 */
public final class AlternatingStrategy implements TrainingStrategy {
    private final AdversarialLoss loss;
    private final int discriminatorSteps;
    private final double weightClip;
    private final StabilizersSpec stabilizers;
    private final GradientPenaltyTerm penalty;

    public AlternatingStrategy(AdversarialLoss loss) {
        this(loss, 1, 0);
    }

    public AlternatingStrategy(AdversarialLoss loss, int discriminatorSteps, double weightClip) {
        this(loss, discriminatorSteps, weightClip, StabilizersSpec.none());
    }

    /**
     * @param discriminatorSteps D updates per G update; a step that is not the last of its group updates D only
     * @param weightClip         clip D's parameters to this magnitude after each update; 0 for none
     */
    public AlternatingStrategy(AdversarialLoss loss, int discriminatorSteps, double weightClip, StabilizersSpec stabilizers) {
        this(loss, discriminatorSteps, weightClip, stabilizers, null);
    }

    /** @param penalty a gradient penalty added to D's loss, or {@code null} for none */
    public AlternatingStrategy(AdversarialLoss loss, int discriminatorSteps, double weightClip, StabilizersSpec stabilizers,
                               GradientPenaltySpec penalty) {
        this.penalty = penalty == null ? null : new GradientPenaltyTerm(penalty);
        this.loss = requireNonNull(loss, "loss is null");
        this.stabilizers = requireNonNull(stabilizers, "stabilizers is null");
        if (stabilizers.labelSmoothing() > 0 && !loss.crossEntropy()) {
            throw new IllegalArgumentException("labelSmoothing applies to the cross-entropy losses (minimax, non-saturating), not "
                    + loss.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (discriminatorSteps <= 0) {
            throw new IllegalArgumentException("discriminatorSteps must be > 0, found " + discriminatorSteps);
        }
        if (!(weightClip >= 0)) {
            throw new IllegalArgumentException("weightClip must be >= 0, found " + weightClip);
        }
        this.discriminatorSteps = discriminatorSteps;
        this.weightClip = weightClip;
    }

    @Override
    public Map<String, Double> step(GanModel model, Batch real, StepContext context) {
        TrainableNetwork g = model.generator().network();
        TrainableNetwork d = model.discriminator().network();
        int n = real.size();
        INDArray z = context.sampleLatent(n);
        INDArray fake = g.forward(z, true);
        double noise = stabilizers.noiseAt(context.step());
        INDArray realInput = noise > 0 ? real.examples().add(context.sampleNormal(real.examples().shape()).castTo(real.examples().dataType()).muli(noise))
                : real.examples();
        INDArray fakeInput = noise > 0 ? fake.add(context.sampleNormal(fake.shape()).castTo(fake.dataType()).muli(noise)) : fake;
        double target = 1 - stabilizers.labelSmoothing();

        double[] realScores = scores(d.forward(realInput, true));
        double[] realGradient = new double[n];
        double lossReal = 0;
        double meanReal = 0;
        for (int i = 0; i < n; i++) {
            lossReal += target == 1 ? loss.realLoss(realScores[i]) : LogitLosses.crossEntropy(realScores[i], target);
            realGradient[i] = target == 1 ? loss.realGradient(realScores[i]) : LogitLosses.sigmoid(realScores[i]) - target;
            meanReal += loss.reported(realScores[i]);
        }
        d.accumulateGradient(column(realGradient, fake));

        double[] fakeScores = scores(d.forward(fakeInput, true));
        double[] fakeGradient = new double[n];
        double lossFake = 0;
        double meanFake = 0;
        for (int i = 0; i < n; i++) {
            lossFake += loss.fakeLoss(fakeScores[i]);
            fakeGradient[i] = loss.fakeGradient(fakeScores[i]);
            meanFake += loss.reported(fakeScores[i]);
        }
        d.accumulateGradient(column(fakeGradient, fake));
        double penaltyValue = Double.NaN;
        if (penalty != null && penalty.appliesAt(d.updateCount())) {
            penaltyValue = penalty.accumulate(d, realInput, fakeInput, context) / n;
        }
        d.applyGradients(n);
        if (weightClip > 0) {
            INDArray parameters = d.parameters();
            d.setParameters(Transforms.min(Transforms.max(parameters, -weightClip, false), weightClip, false));
        }

        Map<String, Double> values = new LinkedHashMap<>();
        values.put("d_loss", (lossReal + lossFake) / n);
        if (!Double.isNaN(penaltyValue)) {
            values.put("d_penalty", penaltyValue);
        }
        if ((context.step() + 1) % discriminatorSteps == 0) {
            double[] judged = scores(d.forward(fakeInput, true));
            double[] generatorGradient = new double[n];
            double lossG = 0;
            for (int i = 0; i < n; i++) {
                lossG += loss.generatorLoss(judged[i]);
                generatorGradient[i] = loss.generatorGradient(judged[i]);
            }
            g.accumulateGradient(d.inputGradient(column(generatorGradient, fake)));
            g.applyGradients(n);
            values.put("g_loss", lossG / n);
        }
        values.put("d_real", meanReal / n);
        values.put("d_fake", meanFake / n);
        return values;
    }

    @Override
    public void check(GanModel model) {
        if (penalty != null) {
            penalty.check(model.discriminator().network());
        }
    }

    private static double[] scores(INDArray output) {
        return output.reshape(output.length()).toDoubleVector();
    }

    private static INDArray column(double[] values, INDArray like) {
        return Nd4j.create(values, new long[] {values.length, 1}, like.dataType());
    }
}
