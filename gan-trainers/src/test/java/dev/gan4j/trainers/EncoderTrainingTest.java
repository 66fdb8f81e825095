package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
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
import dev.gan4j.encoders.TextHashEncoderSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainable encoder in the alternating step learns from every term of D's loss that reads the conditions: the
 * real term, the generated term and, in matching-aware training (Reed et al. 2016), the mismatched term, whose
 * gradient belongs to the example whose condition was borrowed. The generated batch is data to D's update, as it
 * is to D. Checked against finite differences of D's loss in the encoder's parameters, with G and D held still
 * (learning rate 0) and one SGD step of the encoder.
 */
class EncoderTrainingTest {
    private static final Shape POINT = Shape.vector(2);
    private static final int N = 5;
    private static final int DIM = 3;
    private static final double LR = 1e-3;
    private static final List<String> TEXTS = List.of("a small white dog", "a big black cat", "the red bird sings",
            "two brown horses", "a small black dog");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theEncoderLearnsFromEveryConditionedTermOfDsLoss(boolean matchingAware) {
        Encoder encoder = new TextHashEncoderSpec(32, DIM, false, true).create(
                new EncoderContext(ConditionSchema.ofTexts(List.of()), 9, new Sgd(LR), DataType.DOUBLE));
        Generator g = new NetworkGenerator(2, DIM, POINT, FastNetwork.builder(Shape.vector(2 + DIM), DataType.DOUBLE)
                .dense(8).tanh().dense(2).build(new Sgd(0.0), 1, 0.5));
        ConditionalNetwork d = new ConditionalNetwork(FastNetwork.builder(POINT, DataType.DOUBLE).dense(8).tanh()
                .build(new Sgd(0.0), 2, 0.5), 8, DIM, ConditionalNetwork.Join.PROJECTION, 1, false, new Sgd(0.0), 3, 0.5,
                DataType.DOUBLE);
        GanModel model = new GanModel(g, new ConditionalDiscriminator(POINT, DIM, 0, d), encoder);
        INDArray points = Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0.5}, {0.3, 2}, {0, -1}, {2, 1}});
        Batch real = new Batch(points, null, null, TEXTS);
        Conditions conditions = new Conditions(null, null, TEXTS);
        AdversarialLoss loss = AdversarialLoss.NON_SATURATING;

        // the generated batch of the step: the step's first latent draw, under the encoder's conditions before its update
        INDArray z = new GaussianStepContext(4, 0, 2, DataType.DOUBLE).sampleLatent(N);
        INDArray fake = g.network().forward(g.input(z, encoder.encode(conditions, true)), true).dup();
        double fakeWeight = matchingAware ? 0.5 : 1;
        java.util.function.DoubleSupplier dLoss = () -> {
            INDArray e = encoder.encode(conditions, true);
            INDArray borrowed = Nd4j.create(DataType.DOUBLE, N, DIM);
            for (int i = 0; i < N; i++) {
                borrowed.putRow(i, e.getRow((i + 1) % N));
            }
            double sum = 0;
            for (int i = 0; i < N; i++) {
                INDArray x = points.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all());
                INDArray y = fake.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all());
                sum += loss.realLoss(score(d, x, e.getRow(i, true)));
                sum += fakeWeight * loss.fakeLoss(score(d, y, e.getRow(i, true)));
                if (matchingAware) {
                    sum += 0.5 * loss.fakeLoss(score(d, x, borrowed.getRow(i, true)));
                }
            }
            return sum;
        };
        int count = (int) encoder.network().parameterCount();
        double[] numeric = new double[count];
        for (int j = 0; j < count; j++) {
            numeric[j] = FiniteDifferences.derivative(encoder.network(), j, 1e-6, dLoss);
        }
        INDArray before = encoder.network().parameters().dup();

        new AlternatingStrategy(loss, 1, 0, StabilizersSpec.none(), null, matchingAware)
                .step(model, real, new GaussianStepContext(4, 0, 2, DataType.DOUBLE));

        assertEquals(1, encoder.network().updateCount());
        INDArray analytic = before.sub(encoder.network().parameters()).muli(N / LR);
        int compared = 0;
        for (int j = 0; j < count; j++) {
            assertTrue(FiniteDifferences.relativeError(analytic.getDouble(j), numeric[j]) < 1e-5,
                    "parameter " + j + ": step " + analytic.getDouble(j) + " vs numeric " + numeric[j]);
            compared += Math.abs(numeric[j]) > 1e-6 ? 1 : 0;
        }
        assertTrue(compared > count / 4, "only " + compared + " of " + count + " parameters have a gradient");
    }

    private static double score(ConditionalNetwork d, INDArray x, INDArray condition) {
        d.condition(condition);
        return d.forward(x, true).getDouble(0);
    }
}
