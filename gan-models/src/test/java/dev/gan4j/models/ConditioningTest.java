package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.ConditionalDiscriminator;
import dev.gan4j.core.nn.NetworkDiscriminator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in discriminators in a class-conditional experiment, for each way of joining the condition. */
class ConditioningTest {
    private static final Shape IMAGE = Shape.image(1, 8, 8);
    private static final int CLASSES = 3;

    private static Discriminator dcgan(Conditioning conditioning, boolean auxiliary, LayerEngine layers) {
        return new DcganDiscriminatorSpec(new int[] {4, 8}, 0.2, true, null, layers, conditioning, auxiliary)
                .create(new ModelContext(IMAGE, CLASSES, 5, new Adam(2e-4), DataType.FLOAT));
    }

    private static INDArray judge(Discriminator d, int label) {
        INDArray x = new NormalSampler(1).next(DataType.FLOAT, 2, 1, 8, 8);
        INDArray c = d.conditionDim() == 0 ? null : Nd4j.zeros(DataType.FLOAT, 2, CLASSES);
        if (c != null) {
            c.getColumn(label).assign(1);
        }
        return d.judge(x, c, false).dup();
    }

    @Test
    void projectionAndConcatenationReadTheCondition() {
        for (Conditioning conditioning : new Conditioning[] {Conditioning.PROJECTION, Conditioning.CONCAT}) {
            Discriminator d = dcgan(conditioning, false, null);
            assertInstanceOf(ConditionalDiscriminator.class, d);
            assertEquals(CLASSES, d.conditionDim());
            assertArrayEquals(new long[] {2, 1}, judge(d, 0).shape());
            assertNotEquals(judge(d, 0), judge(d, 2), conditioning + ": another class, another judgement");
        }
    }

    @Test
    void anAuxiliaryClassifierAddsOneOutputPerClass() {
        Discriminator acgan = dcgan(Conditioning.ACGAN, false, null);
        assertInstanceOf(NetworkDiscriminator.class, acgan);
        assertEquals(0, acgan.conditionDim(), "ACGAN's D reads no condition");
        assertEquals(CLASSES, acgan.auxiliaryOutputs());
        assertArrayEquals(new long[] {2, 1 + CLASSES}, judge(acgan, 0).shape());

        Discriminator both = dcgan(Conditioning.PROJECTION, true, null);
        assertEquals(CLASSES, both.conditionDim());
        assertEquals(CLASSES, both.auxiliaryOutputs());
        assertArrayEquals(new long[] {2, 1 + CLASSES}, judge(both, 1).shape());
    }

    /** An unconditional experiment has nothing to classify by: asking for it is an error, not silently ignored. */
    @Test
    void classifyingTheInputNeedsAConditionalExperiment() {
        ModelContext unconditional = new ModelContext(IMAGE, 0, 5, new Adam(2e-4), DataType.FLOAT);
        InvalidValueException acgan = assertThrows(InvalidValueException.class, () -> new DcganDiscriminatorSpec(new int[] {4, 8}, 0.2,
                true, null, null, Conditioning.ACGAN, false).create(unconditional));
        assertEquals("conditioning", acgan.field());
        assertTrue(acgan.problem().contains("unconditional"), acgan.problem());
        InvalidValueException auxiliary = assertThrows(InvalidValueException.class, () -> new DcganDiscriminatorSpec(new int[] {4, 8},
                0.2, true, null, null, null, true).create(unconditional));
        assertEquals("auxiliaryClassifier", auxiliary.field());
        assertEquals(0, new DcganDiscriminatorSpec(new int[] {4, 8}, 0.2, true, null, null, Conditioning.PROJECTION, false)
                .create(unconditional).conditionDim(), "the default conditioning is simply unused");
    }

    @Test
    void conditionalDiscriminatorsNeedTheFastLayersAndKnownModes() {
        InvalidValueException stock = assertThrows(InvalidValueException.class, () -> dcgan(Conditioning.PROJECTION, false, LayerEngine.DL4J));
        assertEquals("layers", stock.field());
        InvalidValueException unknown = assertThrows(InvalidValueException.class, () -> Conditioning.of("film"));
        assertTrue(unknown.problem().contains("projection, concat, acgan"), unknown.problem());
    }
}
