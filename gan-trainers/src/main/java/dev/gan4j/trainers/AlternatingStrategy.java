package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.TrainingStrategy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Goodfellow et al. (2014), Algorithm 1 with k = 1: one discriminator update on a real batch labelled
 * real and a generated batch labelled fake (binary cross-entropy), then one generator update through
 * the updated discriminator's judgement of the same generated batch.
 *
 * <p>The generator learns by back-propagation through D: D's gradient with respect to its input is
 * pushed into G; D's own parameter gradient of that pass is never computed where the network can skip it. Each network applies its own
 * optimizer. This is the step of the PyTorch DCGAN reference, computed the same way.
 */
public final class AlternatingStrategy implements TrainingStrategy {
    private final GeneratorObjective objective;

    public AlternatingStrategy(GeneratorObjective objective) {
        this.objective = requireNonNull(objective, "objective is null");
    }

    @Override
    public Map<String, Double> step(GanModel model, Batch real, StepContext context) {
        TrainableNetwork g = model.generator().network();
        TrainableNetwork d = model.discriminator().network();
        int n = real.size();
        INDArray z = context.sampleLatent(n);
        INDArray fake = g.forward(z, true);

        double[] realLogits = logits(d.forward(real.examples(), true));
        double[] realGradient = new double[n];
        double lossReal = 0;
        double meanReal = 0;
        for (int i = 0; i < n; i++) {
            lossReal += LogitLosses.lossReal(realLogits[i]);
            realGradient[i] = LogitLosses.sigmoid(realLogits[i]) - 1;
            meanReal += LogitLosses.sigmoid(realLogits[i]);
        }
        d.accumulateGradient(column(realGradient, fake));

        double[] fakeLogits = logits(d.forward(fake, true));
        double[] fakeGradient = new double[n];
        double lossFake = 0;
        double meanFake = 0;
        for (int i = 0; i < n; i++) {
            lossFake += LogitLosses.lossFake(fakeLogits[i]);
            fakeGradient[i] = LogitLosses.sigmoid(fakeLogits[i]);
            meanFake += LogitLosses.sigmoid(fakeLogits[i]);
        }
        d.accumulateGradient(column(fakeGradient, fake));
        d.applyGradients(n);

        double[] judged = logits(d.forward(fake, true));
        double[] generatorGradient = new double[n];
        double lossG = 0;
        for (int i = 0; i < n; i++) {
            lossG += objective.loss(judged[i]);
            generatorGradient[i] = objective.gradient(judged[i]);
        }
        INDArray inputGradient = d.inputGradient(column(generatorGradient, fake));
        g.accumulateGradient(inputGradient);
        g.applyGradients(n);

        Map<String, Double> values = new LinkedHashMap<>();
        values.put("d_loss", (lossReal + lossFake) / n);
        values.put("g_loss", lossG / n);
        values.put("d_real", meanReal / n);
        values.put("d_fake", meanFake / n);
        return values;
    }

    private static double[] logits(INDArray output) {
        return output.reshape(output.length()).toDoubleVector();
    }

    private static INDArray column(double[] values, INDArray like) {
        return Nd4j.create(values, new long[] {values.length, 1}, like.dataType());
    }
}
