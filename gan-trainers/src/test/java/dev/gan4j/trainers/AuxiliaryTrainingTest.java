package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.nn.NetworkGenerator;
import dev.gan4j.core.train.GaussianStepContext;
import dev.gan4j.encoders.OneHotEncoder;
import dev.gan4j.nn.FastNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the strategy trains an auxiliary classifier: its weight, and D learning from real examples alone (Jin et al. 2017). */
class AuxiliaryTrainingTest {
    private static final Shape POINT = Shape.vector(2);
    private final OneHotEncoder encoder = new OneHotEncoder(ConditionSchema.ofClasses(List.of("a", "b", "c")), DataType.DOUBLE);

    private GanModel model() {
        NetworkGenerator g = new NetworkGenerator(2, 3, POINT, FastNetwork.builder(Shape.vector(5), DataType.DOUBLE).dense(8).relu()
                .dense(2).build(new Adam(1e-2), 1, 0.5));
        FastNetwork acgan = FastNetwork.builder(POINT, DataType.DOUBLE).dense(8).leakyRelu(0.2).dense(1 + 3).build(new Adam(1e-2), 2, 0.5);
        return new GanModel(g, new NetworkDiscriminator(POINT, 0, acgan, 3), encoder);
    }

    private static Batch batch() {
        INDArray points = Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0.5}, {0.3, 2}, {0, -1}, {2, 1}, {-0.5, -0.5}});
        return new Batch(points, Nd4j.createFromArray(0.0, 1.0, 2.0, 2.0, 0.0, 1.0));
    }

    private Map<String, Double> step(GanModel model, AuxiliarySpec auxiliary) {
        return new AlternatingStrategy(AdversarialLoss.NON_SATURATING, 1, 0, StabilizersSpec.none(), null, false, auxiliary)
                .step(model, batch(), new GaussianStepContext(5, 0, 2, DataType.DOUBLE));
    }

    @Test
    void dLearnsTheClassesOfRealExamplesAloneWhenAsked() {
        GanModel model = model();
        Batch real = batch();
        INDArray realOutput = model.discriminator().judge(real.examples(), null, false);
        double realClassLoss = AuxiliaryClassifierLoss.of(realOutput, real.conditions()).loss() / 6;

        Map<String, Double> realOnly = step(model, new AuxiliarySpec(null, false));
        assertEquals(realClassLoss, realOnly.get("d_class_loss"), 1e-9);

        Map<String, Double> both = step(model(), null);
        assertNotEquals(realClassLoss, both.get("d_class_loss"), 1e-6, "the mean of the real and generated terms");
        assertEquals(both.get("d_loss"), realOnly.get("d_loss"), 1e-12, "the adversarial terms do not change");
    }

    @Test
    void theWeightScalesTheClassifierLossesOfDAndG() {
        Map<String, Double> standard = step(model(), null);
        Map<String, Double> doubled = step(model(), new AuxiliarySpec(2.0, null));
        assertEquals(2 * standard.get("d_class_loss"), doubled.get("d_class_loss"), 1e-9);
        assertNotEquals(standard.get("g_class_loss"), doubled.get("g_class_loss") / 2, 1e-9,
                "G is judged by a D that took a different step");
        assertEquals("weight", assertThrows(InvalidValueException.class, () -> new AuxiliarySpec(-1.0, null)).field());
    }
}
