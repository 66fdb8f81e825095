package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.nn.FrozenNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForwardingNetworkTest {
    private static FastNetwork critic() {
        return FastNetwork.builder(Shape.vector(3), DataType.DOUBLE).dense(8).leakyRelu(0.2).dense(1)
                .build(new Sgd(0.1), 3, 0.7);
    }

    /**
     * The gradient penalties run a frozen or wrapped D through the pattern-keeping forward; a wrapper that
     * fell back to the plain forward would give another output once the activation pattern changes.
     */
    @Test
    void aWrapperKeepsTheActivationPatternOfTheForwardItWraps() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, -2, 0.5}, {-1, 0.3, 2}});
        INDArray flipped = x.neg();
        FastNetwork direct = critic();
        direct.forward(x, true);
        INDArray expected = direct.forwardNear(flipped).dup();
        assertNotEquals(expected, critic().forward(flipped, true).dup(), "flipping the input changes the pattern");

        FrozenNetwork frozen = new FrozenNetwork(critic());
        frozen.forward(x, true);
        assertEquals(expected, frozen.forwardNear(flipped).dup());
    }

    /**
     * Its backward gives the wrapped network's input gradient and leaves nothing in the wrapped network's
     * accumulator; applying gradients updates nothing.
     */
    @Test
    void aFrozenNetworkGivesInputGradientsButNeverLearns() {
        FastNetwork inner = critic();
        FrozenNetwork frozen = new FrozenNetwork(inner);
        INDArray before = frozen.parameters().dup();
        INDArray x = Nd4j.createFromArray(new double[][] {{1, -2, 0.5}, {-1, 0.3, 2}});
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 2, 1);

        FastNetwork reference = critic();
        reference.forward(x, true);
        INDArray expected = reference.inputGradient(ones).dup();

        frozen.forward(x, true);
        INDArray gradient = frozen.backward(ones).dup();
        frozen.accumulateGradient(ones);
        assertEquals(expected, gradient);
        assertNull(inner.accumulatedGradient(), "the inner network accumulated a gradient");
        frozen.applyGradients(2);
        assertEquals(0, inner.updateCount());
        assertEquals(before, frozen.parameters());
    }
}
