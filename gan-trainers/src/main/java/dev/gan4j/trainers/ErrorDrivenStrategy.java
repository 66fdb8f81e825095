package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.nn.FrozenNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alternation of the tutorial this project comes from: each step shows D one real and one
 * generated batch; if D misjudges them (its mean probability of "real" is below 0.5 + margin on the
 * real batch, or above 0.5 - margin on the generated one), D learns from the two batches; otherwise G
 * learns, through D, to fool it (non-saturating loss). The margin makes D earn its confidence before
 * G gets a turn.
 */
public final class ErrorDrivenStrategy implements TrainingStrategy {
    private final double margin;

    public ErrorDrivenStrategy(double margin) {
        if (!(margin >= 0 && margin < 0.5)) {
            throw new IllegalArgumentException("margin must be in [0, 0.5), found " + margin);
        }
        this.margin = margin;
    }

    @Override
    public Map<String, Double> step(GanModel model, Batch real, StepContext context) {
        TrainableNetwork g = model.generator().network();
        Discriminator judge = model.discriminator();
        TrainableNetwork d = judge.network();
        int n = real.size();
        INDArray conditions = model.encoder().encode(real.conditions(), true);
        INDArray fake = g.forward(model.generator().input(context.sampleLatent(n), conditions), true);
        AdversarialLoss loss = AdversarialLoss.NON_SATURATING;

        double[] realScores = AlternatingStrategy.scores(judge.judge(real.examples(), conditions, true));
        double lossReal = 0;
        double meanReal = 0;
        double[] realGradient = new double[n];
        for (int i = 0; i < n; i++) {
            lossReal += loss.realLoss(realScores[i]);
            realGradient[i] = loss.realGradient(realScores[i]);
            meanReal += loss.reported(realScores[i]) / n;
        }
        d.accumulateGradient(column(realGradient, fake));

        double[] fakeScores = AlternatingStrategy.scores(judge.judge(fake, conditions, true));
        double lossFake = 0;
        double meanFake = 0;
        double[] fakeGradient = new double[n];
        double[] generatorGradient = new double[n];
        double lossG = 0;
        for (int i = 0; i < n; i++) {
            lossFake += loss.fakeLoss(fakeScores[i]);
            fakeGradient[i] = loss.fakeGradient(fakeScores[i]);
            lossG += loss.generatorLoss(fakeScores[i]);
            generatorGradient[i] = loss.generatorGradient(fakeScores[i]);
            meanFake += loss.reported(fakeScores[i]) / n;
        }
        boolean misjudged = meanReal < 0.5 + margin || meanFake > 0.5 - margin;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("d_loss", (lossReal + lossFake) / n);
        if (misjudged) {
            d.accumulateGradient(column(fakeGradient, fake));
            d.applyGradients(n);
        } else {
            d.discardGradients();
            g.accumulateGradient(d.inputGradient(column(generatorGradient, fake)));
            g.applyGradients(n);
            values.put("g_loss", lossG / n);
        }
        values.put("d_real", meanReal);
        values.put("d_fake", meanFake);
        values.put("d_updated", misjudged ? 1.0 : 0.0);
        return values;
    }

    @Override
    public void check(GanModel model) {
        if (model.discriminator().auxiliaryOutputs() > 0) {
            throw new ConfigException("discriminator", "error-driven does not train an auxiliary classifier; use another strategy"
                    + " or a discriminator without one");
        }
        if (model.encoder().network() != null && !(model.encoder().network() instanceof FrozenNetwork)) {
            throw new ConfigException("encoder.trainable", "error-driven does not train encoders; use another strategy, a fixed"
                    + " encoder or \"trainable\": false");
        }
        if (model.encoder().augmentation() != null) {
            throw new ConfigException("encoder", "error-driven does not train a conditioning augmentation; use another strategy");
        }
    }

    private static INDArray column(double[] values, INDArray like) {
        return Nd4j.create(values, new long[] {values.length, 1}, like.dataType());
    }
}
