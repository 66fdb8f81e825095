package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.nn.ConditionalDiscriminator;
import dev.gan4j.nn.ConditionalNetwork;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.nn.NetworkGenerator;
import dev.gan4j.core.train.GaussianStepContext;
import dev.gan4j.core.train.Sampling;
import dev.gan4j.encoders.OneHotEncoder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditional GANs learn what they are asked for: two classes of 2-D points, one around (-2, 0) and one
 * around (2, 0); after a short training, G's samples for each class land near that class's centre.
 */
class ConditionalTrainingTest {
    private static final Shape POINT = Shape.vector(2);
    private final OneHotEncoder encoder = new OneHotEncoder(ConditionSchema.ofClasses(List.of("left", "right")), DataType.FLOAT);

    private static Generator generator() {
        FastNetwork net = FastNetwork.builder(Shape.vector(2 + 2), DataType.FLOAT).dense(32).relu().dense(32).relu().dense(2)
                .build(new Adam(2e-3, 0.5, 0.999, 1e-8), 1, 0.3);
        return new NetworkGenerator(2, 2, POINT, net);
    }

    private static FastNetwork.Builder features() {
        return FastNetwork.builder(POINT, DataType.FLOAT).dense(32).leakyRelu(0.2).dense(32).leakyRelu(0.2);
    }

    private static Batch batch(long step) {
        SplittableRandom random = new SplittableRandom(step);
        int n = 64;
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
            points[2 * i] = (labels[i] == 0 ? -2 : 2) + (float) (0.1 * random.nextGaussian());
            points[2 * i + 1] = (float) (0.1 * random.nextGaussian());
        }
        return new Batch(Nd4j.create(points, new long[] {n, 2}, 'c'), Nd4j.createFromArray(labels).castTo(DataType.FLOAT));
    }

    private double meanX(GanModel model, int label) {
        int[] labels = new int[200];
        java.util.Arrays.fill(labels, label);
        INDArray samples = Sampling.generate(model.generator(), encoder, new NormalSampler(9).next(DataType.FLOAT, 200, 2),
                Conditions.ofLabels(labels));
        return samples.getColumn(0).meanNumber().doubleValue();
    }

    private void trainAndCheck(Discriminator d, String what) {
        trainAndCheck(d, new AlternatingStrategy(AdversarialLoss.NON_SATURATING), what);
    }

    private void trainAndCheck(Discriminator d, AlternatingStrategy strategy, String what) {
        GanModel model = new GanModel(generator(), d, encoder);
        Map<String, Double> last = null;
        for (long step = 0; step < 250; step++) {
            last = strategy.step(model, batch(step), new GaussianStepContext(3, step, 2, DataType.FLOAT));
        }
        double left = meanX(model, 0);
        double right = meanX(model, 1);
        assertTrue(left < -1 && right > 1, what + ": class means " + left + ", " + right + " (last values " + last + ")");
    }

    @Test
    void projectionDiscriminatorTeachesTheCondition() {
        ConditionalNetwork net = new ConditionalNetwork(features().build(new Adam(2e-3, 0.5, 0.999, 1e-8), 2, 0.3), 32, 2,
                ConditionalNetwork.Join.PROJECTION, 1, false, new Adam(2e-3, 0.5, 0.999, 1e-8), 3, 0.3, DataType.FLOAT);
        trainAndCheck(new ConditionalDiscriminator(POINT, 2, 0, net), "projection");
    }

    @Test
    void concatenatingDiscriminatorTeachesTheCondition() {
        ConditionalNetwork net = new ConditionalNetwork(features().build(new Adam(2e-3, 0.5, 0.999, 1e-8), 2, 0.3), 32, 2,
                ConditionalNetwork.Join.CONCAT, 1, false, new Adam(2e-3, 0.5, 0.999, 1e-8), 3, 0.3, DataType.FLOAT);
        trainAndCheck(new ConditionalDiscriminator(POINT, 2, 0, net), "concat");
    }

    @Test
    void matchingAwareProjectionDiscriminatorTeachesTheCondition() {
        ConditionalNetwork net = new ConditionalNetwork(features().build(new Adam(2e-3, 0.5, 0.999, 1e-8), 2, 0.3), 32, 2,
                ConditionalNetwork.Join.PROJECTION, 1, false, new Adam(2e-3, 0.5, 0.999, 1e-8), 3, 0.3, DataType.FLOAT);
        trainAndCheck(new ConditionalDiscriminator(POINT, 2, 0, net),
                new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, StabilizersSpec.none(), null, true), "matching-aware");
    }

    @Test
    void auxiliaryClassifierTeachesTheCondition() {
        FastNetwork net = features().dense(1 + 2).build(new Adam(2e-3, 0.5, 0.999, 1e-8), 2, 0.3);
        trainAndCheck(new NetworkDiscriminator(POINT, 0, net, 2), "acgan");
    }
}
