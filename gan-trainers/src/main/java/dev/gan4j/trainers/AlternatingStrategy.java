package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionAugmentation;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.TrainingStrategy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
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
 *
 * <p>Conditional training (Mirza &amp; Osindero 2014): the encoder turns the real batch's labels, tags or texts
 * into condition vectors; G generates the batch's counterparts under the same conditions, and D judges
 * every example under its condition. A D with an auxiliary classifier (ACGAN, Odena et al. 2017) also
 * learns to recognise the condition of real and generated examples, and G learns to make it
 * recognisable. A trainable encoder learns from D's loss, through D's gradient with respect to the condition.
 * With conditioning augmentation (Zhang et al. 2017) G generates from a draw around the encoding, made with
 * the step's noise, and G's gradient with respect to those input columns, plus the KL term's, trains the
 * augmentation layer; D still judges under the encoding.
 *
 * <p>Matching-aware discrimination (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis",
 * GAN-CLS): D also sees each real example under the next example's condition (the batch's conditions rolled
 * by one), labelled fake, so it must judge whether an example fits its condition and not only whether it is
 * real. As in the paper's algorithm the two fake terms weigh 1/2 each: D minimises
 * L(real, c) + (L(fake, c) + L(real, c'))/2. A rolled condition can happen to equal the example's own (two
 * neighbours of one class); it still counts as mismatched, as a random draw would in the paper.
 */
public final class AlternatingStrategy implements TrainingStrategy {
    private final AdversarialLoss loss;
    private final int discriminatorSteps;
    private final double weightClip;
    private final StabilizersSpec stabilizers;
    private final GradientPenaltyTerm penalty;
    private final boolean matchingAware;

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
        this(loss, discriminatorSteps, weightClip, stabilizers, penalty, false);
    }

    /** @param matchingAware D also learns that real examples under mismatched conditions are fake (Reed et al. 2016) */
    public AlternatingStrategy(AdversarialLoss loss, int discriminatorSteps, double weightClip, StabilizersSpec stabilizers,
                               GradientPenaltySpec penalty, boolean matchingAware) {
        this.matchingAware = matchingAware;
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
        Discriminator judge = model.discriminator();
        TrainableNetwork d = judge.network();
        TrainableNetwork encoder = judge.conditionDim() > 0 ? model.encoder().network() : null;
        ConditionAugmentation augmentation = model.generator().conditionDim() > 0 ? model.encoder().augmentation() : null;
        int n = real.size();
        Conditions targets = real.conditions();
        INDArray conditions = model.encoder().encode(targets, true);
        INDArray z = context.sampleLatent(n);
        INDArray generatorConditions = augmentation == null ? conditions
                : augmentation.sample(conditions, context.sampleNormal(n, augmentation.outputDim()));
        INDArray fake = g.forward(model.generator().input(z, generatorConditions), true);
        double noise = stabilizers.noiseAt(context.step());
        INDArray realInput = noise > 0 ? real.examples().add(context.sampleNormal(real.examples().shape()).castTo(real.examples().dataType()).muli(noise))
                : real.examples();
        INDArray fakeInput = noise > 0 ? fake.add(context.sampleNormal(fake.shape()).castTo(fake.dataType()).muli(noise)) : fake;
        double target = 1 - stabilizers.labelSmoothing();
        double fakeWeight = matchingAware ? 0.5 : 1;
        boolean auxiliary = judge.auxiliaryOutputs() > 0;
        Map<String, Double> values = new LinkedHashMap<>();

        INDArray realOutput = judge.judge(realInput, conditions, true);
        double[] realScores = scores(realOutput);
        double[] realGradient = new double[n];
        double lossReal = 0;
        double meanReal = 0;
        for (int i = 0; i < n; i++) {
            lossReal += target == 1 ? loss.realLoss(realScores[i]) : LogitLosses.crossEntropy(realScores[i], target);
            realGradient[i] = target == 1 ? loss.realGradient(realScores[i]) : LogitLosses.sigmoid(realScores[i]) - target;
            meanReal += loss.reported(realScores[i]);
        }
        AuxiliaryClassifierLoss.Result realClasses = auxiliary ? AuxiliaryClassifierLoss.of(realOutput, targets) : null;
        d.accumulateGradient(outputGradient(realGradient, realClasses, realOutput));
        INDArray conditionGradient = encoder == null ? null : judge.conditionGradient().dup();

        INDArray fakeOutput = judge.judge(fakeInput, conditions, true);
        double[] fakeScores = scores(fakeOutput);
        double[] fakeGradient = new double[n];
        double lossFake = 0;
        double meanFake = 0;
        for (int i = 0; i < n; i++) {
            lossFake += fakeWeight * loss.fakeLoss(fakeScores[i]);
            fakeGradient[i] = fakeWeight * loss.fakeGradient(fakeScores[i]);
            meanFake += loss.reported(fakeScores[i]);
        }
        AuxiliaryClassifierLoss.Result fakeClasses = auxiliary ? AuxiliaryClassifierLoss.of(fakeOutput, targets) : null;
        d.accumulateGradient(outputGradient(fakeGradient, fakeClasses, fakeOutput));
        if (encoder != null) {
            conditionGradient.addi(judge.conditionGradient());
        }
        if (matchingAware) {
            INDArray wrongOutput = judge.judge(realInput, roll(conditions, 1), true);
            double[] wrongScores = scores(wrongOutput);
            double[] wrongGradient = new double[n];
            double meanWrong = 0;
            for (int i = 0; i < n; i++) {
                lossFake += 0.5 * loss.fakeLoss(wrongScores[i]);
                wrongGradient[i] = 0.5 * loss.fakeGradient(wrongScores[i]);
                meanWrong += loss.reported(wrongScores[i]);
            }
            INDArray column = outputGradient(wrongGradient, null, wrongOutput);
            d.accumulateGradient(auxiliary ? Nd4j.hstack(column, Nd4j.zeros(column.dataType(), n, judge.auxiliaryOutputs())) : column);
            if (encoder != null) {
                conditionGradient.addi(roll(judge.conditionGradient(), -1));
            }
            values.put("d_wrong", meanWrong / n);
        }
        if (encoder != null) {
            encoder.accumulateGradient(conditionGradient);
            encoder.applyGradients(n);
        }
        double penaltyValue = Double.NaN;
        if (penalty != null && penalty.appliesAt(d.updateCount())) {
            penaltyValue = penalty.accumulate(d, realInput, fakeInput, context) / n;
        }
        d.applyGradients(n);
        if (weightClip > 0) {
            INDArray parameters = d.parameters();
            d.setParameters(Transforms.min(Transforms.max(parameters, -weightClip, false), weightClip, false));
        }

        values.put("d_loss", (lossReal + lossFake) / n);
        if (auxiliary) {
            values.put("d_class_loss", (realClasses.loss() + fakeClasses.loss()) / (2 * n));
        }
        if (!Double.isNaN(penaltyValue)) {
            values.put("d_penalty", penaltyValue);
        }
        if ((context.step() + 1) % discriminatorSteps == 0) {
            INDArray judged = judge.judge(fakeInput, conditions, true);
            double[] judgedScores = scores(judged);
            double[] generatorGradient = new double[n];
            double lossG = 0;
            for (int i = 0; i < n; i++) {
                lossG += loss.generatorLoss(judgedScores[i]);
                generatorGradient[i] = loss.generatorGradient(judgedScores[i]);
            }
            AuxiliaryClassifierLoss.Result generatedClasses = auxiliary ? AuxiliaryClassifierLoss.of(judged, targets) : null;
            INDArray judgedGradient = d.inputGradient(outputGradient(generatorGradient, generatedClasses, judged));
            if (augmentation == null) {
                g.accumulateGradient(judgedGradient);
            } else {
                int latentDim = model.generator().latentDim();
                INDArray inputGradient = g.backward(judgedGradient);
                augmentation.backward(inputGradient.get(NDArrayIndex.all(),
                        NDArrayIndex.interval(latentDim, latentDim + augmentation.outputDim())));
                augmentation.network().applyGradients(n);
                values.put("g_kl", augmentation.divergence() / n);
            }
            g.applyGradients(n);
            values.put("g_loss", lossG / n);
            if (auxiliary) {
                values.put("g_class_loss", generatedClasses.loss() / n);
            }
        }
        values.put("d_real", meanReal / n);
        values.put("d_fake", meanFake / n);
        return values;
    }

    /** Rows moved up by {@code shift} (row i takes row i + shift), wrapping around; {@code -shift} undoes it. */
    static INDArray roll(INDArray rows, int shift) {
        long n = rows.size(0);
        long k = Math.floorMod(shift, n);
        if (k == 0) {
            return rows.dup();
        }
        return Nd4j.vstack(rows.get(NDArrayIndex.interval(k, n), NDArrayIndex.all()),
                rows.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()));
    }

    /** D's output gradient: the adversarial one in the first column, an auxiliary classifier's after it. */
    private static INDArray outputGradient(double[] adversarial, AuxiliaryClassifierLoss.Result classes, INDArray like) {
        INDArray column = Nd4j.create(adversarial, new long[] {adversarial.length, 1}, like.dataType());
        return classes == null ? column : Nd4j.hstack(column, classes.gradient());
    }

    @Override
    public void check(GanModel model) {
        if (matchingAware && model.discriminator().conditionDim() == 0) {
            throw new IllegalArgumentException("matchingAware needs a discriminator that reads the condition (conditioning"
                    + " projection or concat in a conditional experiment); this one reads none");
        }
        if (penalty != null) {
            penalty.check(model.discriminator().network());
        }
    }

    /** The adversarial logits, D's first output column. */
    static double[] scores(INDArray output) {
        INDArray first = output.size(1) == 1 ? output : output.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1));
        return first.reshape(first.length()).toDoubleVector();
    }
}
