package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.nn.ConditionalNetwork;
import dev.gan4j.core.nn.LogitLosses;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.nn.NetworkGenerator;
import dev.gan4j.core.train.GaussianStepContext;
import dev.gan4j.encoders.OneHotEncoder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GAN-CLS (Reed et al. 2016): D sees real examples under their conditions, generated ones, and real ones under the
 * rolled conditions, the last two weighted 1/2, with one-hot classes.
 */
class MatchingAwareTest {
    private static final Shape POINT = Shape.vector(2);
    private static final int N = 6;
    private final OneHotEncoder encoder = new OneHotEncoder(ConditionSchema.ofClasses(List.of("a", "b", "c")), DataType.DOUBLE);

    /** A projection discriminator that records the conditions it judges under. */
    private static final class Recording implements Discriminator {
        final ConditionalNetwork inner = new ConditionalNetwork(
                FastNetwork.builder(POINT, DataType.DOUBLE).dense(8).leakyRelu(0.2).build(new Adam(1e-2), 2, 0.5), 8, 3,
                ConditionalNetwork.Join.PROJECTION, 1, false, new Adam(1e-2), 3, 0.5, DataType.DOUBLE);
        final RecordingNetwork network = new RecordingNetwork(inner);
        final List<INDArray> conditions = new ArrayList<>();

        @Override
        public Shape inputShape() {
            return POINT;
        }

        @Override
        public int conditionDim() {
            return 3;
        }

        @Override
        public TrainableNetwork network() {
            return network;
        }

        @Override
        public INDArray judge(INDArray examples, INDArray conditions, boolean training) {
            this.conditions.add(conditions.dup());
            inner.condition(conditions);
            return network.forward(examples, training);
        }

        @Override
        public INDArray conditionGradient() {
            return inner.conditionGradient();
        }

        double[] scores(INDArray x, INDArray c) {
            inner.condition(c);
            return AlternatingStrategy.scores(inner.forward(x, false));
        }
    }

    private static Generator generator() {
        return new NetworkGenerator(2, 3, POINT, FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).dense(8).relu().dense(2)
                .build(new Adam(1e-2), 1, 0.5));
    }

    private static Batch batch() {
        INDArray points = Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0.5}, {0.3, 2}, {0, -1}, {2, 1}, {-0.5, -0.5}});
        return new Batch(points, Nd4j.createFromArray(0.0, 1.0, 2.0, 2.0, 0.0, 1.0));
    }

    @Test
    void discriminatorLossHasThreeTermsWithTheFakeOnesHalved() {
        Recording d = new Recording();
        Generator g = generator();
        GanModel model = new GanModel(g, d, encoder);
        Batch real = batch();
        INDArray c = encoder.encode(real.conditions(), false);
        INDArray rolled = Nd4j.vstack(c.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, N), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                c.getRow(0).reshape(1, 3));
        INDArray z = new GaussianStepContext(5, 0, 2, DataType.DOUBLE).sampleLatent(N);
        INDArray fake = g.network().forward(g.input(z, c), true).dup();
        double[] sReal = d.scores(real.examples(), c);
        double[] sFake = d.scores(fake, c);
        double[] sWrong = d.scores(real.examples(), rolled);
        double expected = 0;
        for (int i = 0; i < N; i++) {
            expected += LogitLosses.lossReal(sReal[i]) + 0.5 * LogitLosses.lossFake(sFake[i]) + 0.5 * LogitLosses.lossFake(sWrong[i]);
        }

        Map<String, Double> values = new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, StabilizersSpec.none(), null, true)
                .step(model, real, new GaussianStepContext(5, 0, 2, DataType.DOUBLE));

        assertEquals(expected / N, values.get("d_loss"), 1e-9);
        assertEquals(3, d.network.parameterGradients.size(), "D learns from real, generated and mismatched pairs");
        for (int i = 0; i < N; i++) {
            assertEquals(LogitLosses.sigmoid(sReal[i]) - 1, d.network.parameterGradients.get(0).getDouble(i, 0), 1e-9);
            assertEquals(0.5 * LogitLosses.sigmoid(sFake[i]), d.network.parameterGradients.get(1).getDouble(i, 0), 1e-9);
            assertEquals(0.5 * LogitLosses.sigmoid(sWrong[i]), d.network.parameterGradients.get(2).getDouble(i, 0), 1e-9);
        }
        assertEquals(List.of(c, c, rolled, c), d.conditions, "real, fake, real under the next example's class, then G's turn");
        double meanWrong = 0;
        for (double s : sWrong) {
            meanWrong += LogitLosses.sigmoid(s) / N;
        }
        assertEquals(meanWrong, values.get("d_wrong"), 1e-9);
    }

    /** After the mismatched term, the gradient penalty still judges real examples under their own conditions. */
    @Test
    void theGradientPenaltyJudgesUnderTheExamplesOwnConditions() {
        Recording d = new Recording();
        GanModel model = new GanModel(generator(), d, encoder);
        Batch real = batch();
        INDArray c = encoder.encode(real.conditions(), false);
        AlternatingStrategy strategy = new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, StabilizersSpec.none(),
                new GradientPenaltySpec("r1", 1.0, null), true);
        Map<String, Double> values = strategy.step(model, real, new GaussianStepContext(5, 0, 2, DataType.DOUBLE));
        assertTrue(values.get("d_penalty") > 0);
        assertEquals(5, d.conditions.size(), "real, fake, mismatched, penalty, then G's turn");
        assertEquals(c, d.conditions.get(3));
    }

    @Test
    void withoutItDLearnsFromTwoFullTerms() {
        Recording d = new Recording();
        GanModel model = new GanModel(generator(), d, encoder);
        Map<String, Double> values = new AlternatingStrategy(AdversarialLoss.NON_SATURATING)
                .step(model, batch(), new GaussianStepContext(5, 0, 2, DataType.DOUBLE));
        assertEquals(2, d.network.parameterGradients.size());
        assertTrue(!values.containsKey("d_wrong"));
    }

    @Test
    void rollingMovesRowsUpAndBack() {
        INDArray rows = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertEquals(Nd4j.createFromArray(new double[][] {{3, 4}, {5, 6}, {1, 2}}), AlternatingStrategy.roll(rows, 1));
        assertEquals(rows, AlternatingStrategy.roll(AlternatingStrategy.roll(rows, 1), -1));
    }

    /** Captions have no classes or tags for an auxiliary classifier to learn: refused before training, not at step one. */
    @Test
    void anAuxiliaryClassifierNeedsClassesOrTags() {
        FastNetwork acgan = FastNetwork.builder(POINT, DataType.DOUBLE).dense(1 + 3).build(new Adam(), 1, 0.1);
        GanModel model = new GanModel(generator(), new NetworkDiscriminator(POINT, 0, acgan, 3), dev.gan4j.core.api.Unconditional.INSTANCE);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new AlternatingStrategy(AdversarialLoss.NON_SATURATING).check(model));
        assertEquals("discriminator", e.path());
        assertTrue(e.getMessage().contains("classes or tags"), e.getMessage());
        new AlternatingStrategy(AdversarialLoss.NON_SATURATING).check(new GanModel(generator(), new NetworkDiscriminator(POINT, 0, acgan, 3),
                encoder));
    }

    @Test
    void aDiscriminatorThatReadsNoConditionIsRefused() {
        FastNetwork acgan = FastNetwork.builder(POINT, DataType.DOUBLE).dense(1 + 3).build(new Adam(), 1, 0.1);
        GanModel model = new GanModel(generator(), new NetworkDiscriminator(POINT, 0, acgan, 3), encoder);
        AlternatingStrategy strategy = (AlternatingStrategy) new NonSaturatingSpec(null, null, null, true, null).create();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> strategy.check(model));
        assertEquals("matchingAware", e.field());
    }
}
