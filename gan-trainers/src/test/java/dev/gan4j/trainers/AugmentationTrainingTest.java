package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionAugmentation;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.nn.ConditionalDiscriminator;
import dev.gan4j.nn.ConditionalNetwork;
import dev.gan4j.core.nn.NetworkGenerator;
import dev.gan4j.core.testing.FiniteDifferences;
import dev.gan4j.core.train.GaussianStepContext;
import dev.gan4j.encoders.ConditioningAugmentationSpec;
import dev.gan4j.encoders.OneHotEncoderSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditioning augmentation in the alternating step: the layer's update is G's objective plus the weighted KL
 * term, differentiated through G's input columns of the condition, checked against finite differences with G
 * and D held still (learning rate 0).
 */
class AugmentationTrainingTest {
    private static final Shape POINT = Shape.vector(2);
    private static final int N = 5;
    private static final int DIM = 4;
    private static final double LR = 1e-3;
    private static final double KL_WEIGHT = 0.5;

    @Test
    void theAugmentationLearnsFromGeneratorGradientAndDivergence() {
        Encoder encoder = new ConditioningAugmentationSpec(new OneHotEncoderSpec(), DIM, KL_WEIGHT).create(
                new EncoderContext(ConditionSchema.ofClasses(List.of("a", "b", "c")), 9, new Sgd(LR), DataType.DOUBLE));
        ConditionAugmentation augmentation = encoder.augmentation();
        Generator g = new NetworkGenerator(2, DIM, POINT, FastNetwork.builder(Shape.vector(2 + DIM), DataType.DOUBLE)
                .dense(8).tanh().dense(2).build(new Sgd(0.0), 1, 0.5));
        ConditionalNetwork d = new ConditionalNetwork(FastNetwork.builder(POINT, DataType.DOUBLE).dense(8).tanh()
                .build(new Sgd(0.0), 2, 0.5), 8, 3, ConditionalNetwork.Join.PROJECTION, 1, false, new Sgd(0.0), 3, 0.5, DataType.DOUBLE);
        GanModel model = new GanModel(g, new ConditionalDiscriminator(POINT, 3, 0, d), encoder);
        assertTrue(model.networks().containsKey(GanModel.AUGMENTATION), "checkpoints hold the augmentation");
        Batch real = new Batch(Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0.5}, {0.3, 2}, {0, -1}, {2, 1}}),
                Nd4j.createFromArray(0.0, 1.0, 2.0, 2.0, 0.0));
        INDArray before = augmentation.network().parameters();

        DoubleSupplier objective = () -> {
            GaussianStepContext context = new GaussianStepContext(4, 0, 2, DataType.DOUBLE);
            INDArray z = context.sampleLatent(N);
            INDArray e = encoder.encode(real.conditions(), true);
            INDArray c = augmentation.sample(e, context.sampleNormal(N, DIM));
            INDArray fake = g.network().forward(g.input(z, c), true);
            d.condition(e);
            double loss = 0;
            for (double s : AlternatingStrategy.scores(d.forward(fake, true))) {
                loss += AdversarialLoss.NON_SATURATING.generatorLoss(s);
            }
            return loss + KL_WEIGHT * augmentation.divergence();
        };
        objective.getAsDouble();
        double divergence = augmentation.divergence();
        long[] indices = new long[(int) augmentation.network().parameterCount()];
        double[] numeric = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            numeric[i] = FiniteDifferences.derivative(augmentation.network(), i, 1e-6, objective);
        }

        Map<String, Double> values = new AlternatingStrategy(AdversarialLoss.NON_SATURATING)
                .step(model, real, new GaussianStepContext(4, 0, 2, DataType.DOUBLE));

        assertEquals(divergence / N, values.get("g_kl"), 1e-9);
        assertEquals(1, augmentation.network().updateCount());
        INDArray analytic = before.sub(augmentation.network().parameters()).muli(N / LR);
        for (int i = 0; i < indices.length; i++) {
            assertTrue(FiniteDifferences.relativeError(analytic.getDouble(i), numeric[i]) < 1e-5,
                    "parameter " + i + ": step " + analytic.getDouble(i) + " vs numeric " + numeric[i]);
        }
        INDArray mean = augmentation.mean(encoder.encode(Conditions.ofLabels(1), false));
        assertEquals(mean, dev.gan4j.core.train.Sampling.condition(encoder, Conditions.ofLabels(1)), "sampling reads the mean");
    }
}
