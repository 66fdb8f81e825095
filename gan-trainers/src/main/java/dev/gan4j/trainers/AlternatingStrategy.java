package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionAugmentation;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.nn.LogitLosses;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

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
    private final AuxiliarySpec auxiliary;

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
        this(loss, discriminatorSteps, weightClip, stabilizers, penalty, matchingAware, null);
    }

    /** @param auxiliary how D's auxiliary classifier learns, when it has one; {@code null} for Odena et al.'s way */
    public AlternatingStrategy(AdversarialLoss loss, int discriminatorSteps, double weightClip, StabilizersSpec stabilizers,
                               GradientPenaltySpec penalty, boolean matchingAware, AuxiliarySpec auxiliary) {
        this.matchingAware = matchingAware;
        this.auxiliary = AuxiliarySpec.orStandard(auxiliary);
        this.penalty = penalty == null ? null : new GradientPenaltyTerm(penalty);
        this.loss = requireNonNull(loss, "loss is null");
        this.stabilizers = requireNonNull(stabilizers, "stabilizers is null");
        StabilizersSpec.checkedFor(stabilizers, loss);
        if (discriminatorSteps <= 0) {
            throw new InvalidValueException("discriminatorSteps", "must be > 0, found " + discriminatorSteps);
        }
        if (!(weightClip >= 0)) {
            throw new InvalidValueException("weightClip", "must be >= 0, found " + weightClip);
        }
        this.discriminatorSteps = discriminatorSteps;
        this.weightClip = weightClip;
    }

    @Override
    public Map<String, Double> step(GanModel model, Batch real, StepContext context) {
        Round round = prepare(model, real, context);
        Map<String, Double> values = new LinkedHashMap<>();
        trainDiscriminator(round, context, values);
        if ((context.step() + 1) % discriminatorSteps == 0) {
            trainGenerator(round, values);
        }
        values.put("d_real", round.meanReal);
        values.put("d_fake", round.meanFake);
        return values;
    }

    /** Encodes the conditions, generates the batch's counterparts and adds the instance noise. */
    private Round prepare(GanModel model, Batch real, StepContext context) {
        Round round = new Round(model, real.size(), real.conditions());
        round.conditions = model.encoder().encode(round.targets, true);
        INDArray z = context.sampleLatent(round.n);
        INDArray generatorConditions = round.augmentation == null ? round.conditions
                : round.augmentation.sample(round.conditions, context.sampleNormal(round.n, round.augmentation.outputDim()));
        INDArray fake = round.g.forward(model.generator().input(z, generatorConditions), true);
        double noise = stabilizers.noiseAt(context.step());
        round.realInput = noise > 0 ? withNoise(real.examples(), noise, context) : real.examples();
        round.fakeInput = noise > 0 ? withNoise(fake, noise, context) : fake;
        return round;
    }

    private static INDArray withNoise(INDArray examples, double std, StepContext context) {
        return examples.add(context.sampleNormal(examples.shape()).castTo(examples.dataType()).muli(std));
    }

    /**
     * D's update: the real term, the generated term, the mismatched term of matching-aware training, the
     * gradient penalty, then the weight clip. A trainable encoder learns from the same terms.
     */
    private void trainDiscriminator(Round round, StepContext context, Map<String, Double> values) {
        Discriminator judge = round.judge;
        TrainableNetwork d = judge.network();
        int n = round.n;
        double target = 1 - stabilizers.labelSmoothing();
        double fakeWeight = matchingAware ? 0.5 : 1;

        INDArray realOutput = judge.judge(round.realInput, round.conditions, true);
        Judgement realTerm = target == 1 ? judgement(realOutput, loss::realLoss, loss::realGradient, 1)
                : judgement(realOutput, s -> LogitLosses.crossEntropy(s, target), s -> LogitLosses.sigmoid(s) - target, 1);
        AuxiliaryClassifierLoss.Result realClasses = round.auxiliary ? classes(realOutput, round.targets) : null;
        d.accumulateGradient(outputGradient(realTerm.gradient(), realClasses, realOutput));
        INDArray conditionGradient = round.encoder == null ? null : judge.conditionGradient().dup();

        INDArray fakeOutput = judge.judge(round.fakeInput, round.conditions, true);
        Judgement fakeTerm = judgement(fakeOutput, loss::fakeLoss, loss::fakeGradient, fakeWeight);
        AuxiliaryClassifierLoss.Result fakeClasses = round.auxiliary && auxiliary.learnFromGenerated()
                ? classes(fakeOutput, round.targets) : null;
        INDArray fakeGradient = outputGradient(fakeTerm.gradient(), fakeClasses, fakeOutput);
        d.accumulateGradient(round.auxiliary && fakeClasses == null ? withZeroClasses(fakeGradient, judge) : fakeGradient);
        if (conditionGradient != null) {
            conditionGradient.addi(judge.conditionGradient());
        }
        double lossD = realTerm.loss() + fakeTerm.loss();
        if (matchingAware) {
            INDArray wrongOutput = judge.judge(round.realInput, roll(round.conditions, 1), true);
            Judgement wrongTerm = judgement(wrongOutput, loss::fakeLoss, loss::fakeGradient, 0.5);
            INDArray column = outputGradient(wrongTerm.gradient(), null, wrongOutput);
            d.accumulateGradient(round.auxiliary ? withZeroClasses(column, judge) : column);
            if (conditionGradient != null) {
                conditionGradient.addi(roll(judge.conditionGradient(), -1));
            }
            lossD += wrongTerm.loss();
            values.put("d_wrong", wrongTerm.meanScore());
        }
        if (conditionGradient != null) {
            round.encoder.accumulateGradient(conditionGradient);
            round.encoder.applyGradients(n);
        }
        boolean penalised = penalty != null && penalty.appliesAt(d.updateCount());
        double penaltyValue = penalised ? penalty.accumulate(judge, round.conditions, round.realInput, round.fakeInput, context) / n : 0;
        d.applyGradients(n);
        if (weightClip > 0) {
            d.clipParameters(weightClip);
        }

        values.put("d_loss", lossD / n);
        if (round.auxiliary) {
            values.put("d_class_loss", fakeClasses == null ? realClasses.loss() / n : (realClasses.loss() + fakeClasses.loss()) / (2 * n));
        }
        if (penalised) {
            values.put("d_penalty", penaltyValue);
        }
        round.meanReal = realTerm.meanScore();
        round.meanFake = fakeTerm.meanScore();
    }

    /**
     * G's update through the updated D's judgement of the same generated batch; with conditioning
     * augmentation the gradient of G's condition columns also trains the augmentation layer.
     */
    private void trainGenerator(Round round, Map<String, Double> values) {
        int n = round.n;
        INDArray judged = round.judge.judge(round.fakeInput, round.conditions, true);
        Judgement generatorTerm = judgement(judged, loss::generatorLoss, loss::generatorGradient, 1);
        AuxiliaryClassifierLoss.Result generatedClasses = round.auxiliary ? classes(judged, round.targets) : null;
        INDArray judgedGradient = round.judge.network().inputGradient(outputGradient(generatorTerm.gradient(), generatedClasses, judged));
        if (round.augmentation == null) {
            round.g.accumulateGradient(judgedGradient);
        } else {
            int latentDim = round.latentDim;
            INDArray inputGradient = round.g.backward(judgedGradient);
            round.augmentation.backward(inputGradient.get(NDArrayIndex.all(),
                    NDArrayIndex.interval(latentDim, latentDim + round.augmentation.outputDim())));
            round.augmentation.network().applyGradients(n);
            values.put("g_kl", round.augmentation.divergence() / n);
        }
        round.g.applyGradients(n);
        values.put("g_loss", generatorTerm.loss() / n);
        if (round.auxiliary) {
            values.put("g_class_loss", generatedClasses.loss() / n);
        }
    }

    /**
     * One batch judged against one target: the summed loss (times {@code weight}), the mean of the scores
     * D reports, and the weighted gradient of the loss with respect to each adversarial logit.
     */
    private Judgement judgement(INDArray output, DoubleUnaryOperator lossOf, DoubleUnaryOperator gradientOf, double weight) {
        double[] scores = scores(output);
        double[] gradient = new double[scores.length];
        double sum = 0;
        double reported = 0;
        for (int i = 0; i < scores.length; i++) {
            sum += weight * lossOf.applyAsDouble(scores[i]);
            gradient[i] = weight * gradientOf.applyAsDouble(scores[i]);
            reported += loss.reported(scores[i]);
        }
        return new Judgement(sum, reported / scores.length, gradient);
    }

    private record Judgement(double loss, double meanScore, double[] gradient) {
    }

    /** What one step's D and G updates share: the networks, the conditions and the (noisy) batches. */
    private static final class Round {
        final TrainableNetwork g;
        final Discriminator judge;
        final TrainableNetwork encoder;
        final ConditionAugmentation augmentation;
        final int latentDim;
        final int n;
        final Conditions targets;
        final boolean auxiliary;
        INDArray conditions;
        INDArray realInput;
        INDArray fakeInput;
        double meanReal;
        double meanFake;

        Round(GanModel model, int n, Conditions targets) {
            this.g = model.generator().network();
            this.judge = model.discriminator();
            this.encoder = judge.conditionDim() > 0 ? model.encoder().network() : null;
            this.augmentation = model.generator().conditionDim() > 0 ? model.encoder().augmentation() : null;
            this.latentDim = model.generator().latentDim();
            this.n = n;
            this.targets = targets;
            this.auxiliary = judge.auxiliaryOutputs() > 0;
        }
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

    /** The auxiliary classifier's loss and gradient times its weight. */
    private AuxiliaryClassifierLoss.Result classes(INDArray output, Conditions targets) {
        AuxiliaryClassifierLoss.Result result = AuxiliaryClassifierLoss.of(output, targets);
        double weight = auxiliary.weight();
        return weight == 1 ? result : new AuxiliaryClassifierLoss.Result(weight * result.loss(), result.gradient().muli(weight));
    }

    /** An adversarial gradient column with zeros for the auxiliary outputs, which that term leaves alone. */
    private static INDArray withZeroClasses(INDArray column, Discriminator judge) {
        return Nd4j.hstack(column, Nd4j.zeros(column.dataType(), column.size(0), judge.auxiliaryOutputs()));
    }

    /** D's output gradient: the adversarial one in the first column, an auxiliary classifier's after it. */
    private static INDArray outputGradient(double[] adversarial, AuxiliaryClassifierLoss.Result classes, INDArray like) {
        INDArray column = Nd4j.create(adversarial, new long[] {adversarial.length, 1}, like.dataType());
        return classes == null ? column : Nd4j.hstack(column, classes.gradient());
    }

    @Override
    public int minimumBatchSize() {
        return matchingAware ? 2 : 1;
    }

    @Override
    public void check(GanModel model) {
        if (matchingAware && model.discriminator().conditionDim() == 0) {
            throw new InvalidValueException("matchingAware", "needs a discriminator that reads the condition (conditioning"
                    + " projection or concat in a conditional experiment); this one reads none");
        }
        if (model.discriminator().auxiliaryOutputs() > 0 && model.encoder().schema().classes().isEmpty()
                && model.encoder().schema().tags().isEmpty()) {
            throw new ConfigException("discriminator", "an auxiliary classifier (conditioning acgan, auxiliaryClassifier) learns the data's "
                    + "classes or tags, but this experiment's conditions have neither (captions, for instance); use projection "
                    + "or concat conditioning");
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
