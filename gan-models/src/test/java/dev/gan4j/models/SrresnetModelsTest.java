package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.FiniteDifferences;
import dev.gan4j.nn.FastNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jin et al.'s anime pair: the SRResNet generator and the residual ACGAN discriminator. */
@ExtendWith(DoublePrecision.class)
class SrresnetModelsTest {
    private static final Shape AVATAR = Shape.image(3, 64, 64);

    private static ModelContext context(Shape shape, int conditionDim) {
        return new ModelContext(shape, conditionDim, 7, new Adam(2e-4, 0.5, 0.999, 1e-8), DataType.DOUBLE);
    }

    /** The parameter counts PyTorch reports for torch_gan64.py's SrresnetG(128, 17, 64, 16) and SrresnetD(32, 2, 17). */
    @Test
    void thePaperSizedPairMatchesThePyTorchReference() {
        Generator g = new SrresnetGeneratorSpec(128, 64, 16).create(context(AVATAR, 17));
        assertEquals(3_921_987, g.network().parameterCount());
        assertEquals(AVATAR, g.outputShape());
        assertEquals(128 + 17, ((FastNetwork) g.network()).inputShape().size());
        Discriminator d = new ResnetAcganDiscriminatorSpec(32, 2, null, null, null).create(context(AVATAR, 17));
        assertEquals(5_960_050, d.network().parameterCount());
        assertEquals(17, d.auxiliaryOutputs());
        assertFalse(((FastNetwork) d.network()).couplesExamples(), "no batch norm, so DRAGAN can penalise each example alone");

        assertEquals(1_368_867, new SrresnetGeneratorSpec(128, 32, 4).create(context(AVATAR, 17)).network().parameterCount());
        assertEquals(1_108_194, new ResnetAcganDiscriminatorSpec(16, 1, null, null, null).create(context(AVATAR, 17))
                .network().parameterCount());
    }

    @Test
    void sizesFollowTheImage() {
        assertEquals(3, SrresnetGeneratorSpec.doublings(Shape.image(3, 128, 128)), "the paper's 128x128: 16x16 and three shuffles");
        assertEquals(2, SrresnetGeneratorSpec.doublings(AVATAR));
        assertEquals(1, SrresnetGeneratorSpec.doublings(Shape.image(1, 28, 28)));
        assertEquals(Shape.image(1, 28, 28), new SrresnetGeneratorSpec(8, 4, 1).create(context(Shape.image(1, 28, 28), 0)).outputShape());
        InvalidValueException odd = assertThrows(InvalidValueException.class,
                () -> new SrresnetGeneratorSpec(8, 4, 1).create(context(Shape.image(3, 15, 15), 0)));
        assertTrue(odd.getMessage().contains("15x15"), odd.getMessage());
        Discriminator unconditional = new ResnetAcganDiscriminatorSpec(4, 1, null, null, null).create(context(AVATAR, 0));
        assertEquals(0, unconditional.auxiliaryOutputs());
        assertEquals(1, ((FastNetwork) unconditional.network()).outputShape().size());
    }

    @Test
    void generatorGradientsAreExact() {
        Shape image = Shape.image(3, 18, 18);
        FastNetwork g = (FastNetwork) new SrresnetGeneratorSpec(3, 2, 1).create(context(image, 2)).network();
        assertEquals(image, g.outputShape());
        g.setParameters(Nd4j.rand(DataType.DOUBLE, g.parameterCount()).subi(0.5));
        Nd4j.getRandom().setSeed(5);
        FiniteDifferences.checkGradients(g, Nd4j.randn(DataType.DOUBLE, 4, 5), Nd4j.randn(DataType.DOUBLE, 4, 3, 18, 18), 80);
    }

    @Test
    void discriminatorGradientsAreExactForBothHeads() {
        Shape image = Shape.image(3, 16, 16);
        Discriminator d = new ResnetAcganDiscriminatorSpec(2, 1, null, null, null).create(context(image, 3));
        FastNetwork net = (FastNetwork) d.network();
        assertEquals(4, net.outputShape().size(), "one real/fake logit and one per tag");
        net.setParameters(Nd4j.rand(DataType.DOUBLE, net.parameterCount()).subi(0.5));
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 3, 16, 16);
        FiniteDifferences.checkGradients(net, x, Nd4j.randn(DataType.DOUBLE, 4, 4), 80);
    }
}
