package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conditional discriminator heads against central finite differences of L = sum(output * R) in double:
 * parameter gradients of features, head and embedding, the input gradient and the condition gradient.
 */
class ConditionalNetworkTest {
    private static final int N = 3;
    private static final int CONDITION = 4;
    /** About this many parameters, evenly spread over features, head and embedding, are checked one by one. */
    private static final int CHECKED_PARAMETERS = 500;

    private static ConditionalNetwork network(ConditionalNetwork.Join join, int outputs) {
        FastNetwork features = FastNetwork.builder(Shape.image(1, 4, 4), DataType.DOUBLE).conv(2, 2, 2, 0).leakyRelu(0.2)
                .dense(5).tanh().build(new Sgd(0.1), 3, 0.5);
        return new ConditionalNetwork(features, 5, CONDITION, join, outputs, false, new Sgd(0.1), 4, 0.5, DataType.DOUBLE);
    }

    private static double loss(ConditionalNetwork net, INDArray x, INDArray y, INDArray r) {
        net.condition(y);
        return net.forward(x, true).mul(r).sumNumber().doubleValue();
    }

    private static double relativeError(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / Math.max(1e-12, expected.norm2Number().doubleValue());
    }

    @ParameterizedTest
    @EnumSource(ConditionalNetwork.Join.class)
    void gradientsMatchFiniteDifferences(ConditionalNetwork.Join join) {
        for (int outputs : new int[] {1, 3}) {
            ConditionalNetwork net = network(join, outputs);
            INDArray x = new NormalSampler(1).next(DataType.DOUBLE, N, 1, 4, 4);
            INDArray y = new NormalSampler(2).next(DataType.DOUBLE, N, CONDITION);
            INDArray r = new NormalSampler(3).next(DataType.DOUBLE, N, outputs);
            double eps = 1e-6;

            net.condition(y);
            net.forward(x, true);
            INDArray inputGradient = net.backward(r).dup();
            INDArray conditionGradient = net.conditionGradient().dup();
            INDArray parameterGradient = net.accumulatedGradient();
            net.discardGradients();

            INDArray theta = net.parameters();
            INDArray expectedParameters = theta.like();
            long stride = Math.max(1, theta.length() / CHECKED_PARAMETERS);
            List<Long> checked = new ArrayList<>();
            for (long j = 0; j < theta.length(); j += stride) {
                checked.add(j);
            }
            for (long j : checked) {
                INDArray shifted = theta.dup();
                shifted.putScalar(j, theta.getDouble(j) + eps);
                net.setParameters(shifted);
                double up = loss(net, x, y, r);
                shifted.putScalar(j, theta.getDouble(j) - eps);
                net.setParameters(shifted);
                double down = loss(net, x, y, r);
                expectedParameters.putScalar(j, (up - down) / (2 * eps));
            }
            net.setParameters(theta);
            INDArray expectedInput = x.like();
            for (int j = 0; j < x.length(); j++) {
                INDArray shifted = x.dup();
                shifted.putScalar(j, x.getDouble(j) + eps);
                double up = loss(net, shifted, y, r);
                shifted.putScalar(j, x.getDouble(j) - eps);
                expectedInput.putScalar(j, (up - loss(net, shifted, y, r)) / (2 * eps));
            }
            INDArray expectedCondition = y.like();
            for (int j = 0; j < y.length(); j++) {
                INDArray shifted = y.dup();
                shifted.putScalar(j, y.getDouble(j) + eps);
                double up = loss(net, x, shifted, r);
                shifted.putScalar(j, y.getDouble(j) - eps);
                expectedCondition.putScalar(j, (up - loss(net, x, shifted, r)) / (2 * eps));
            }
            String what = join + " with " + outputs + " outputs";
            INDArray at = Nd4j.createFromArray(checked.stream().mapToLong(Long::longValue).toArray());
            INDArray actualChecked = parameterGradient.reshape(theta.length()).get(at);
            INDArray expectedChecked = expectedParameters.reshape(theta.length()).get(at);
            assertTrue(relativeError(actualChecked, expectedChecked) < 1e-6, what + " parameters "
                    + relativeError(actualChecked, expectedChecked));
            assertTrue(relativeError(inputGradient, expectedInput) < 1e-6, what + " input " + relativeError(inputGradient, expectedInput));
            assertTrue(relativeError(conditionGradient, expectedCondition) < 1e-6, what + " condition "
                    + relativeError(conditionGradient, expectedCondition));
            assertTrue(expectedCondition.norm2Number().doubleValue() > 1e-3, "the condition matters");

            net.condition(y);
            net.forward(x, true);
            INDArray inputOnly = net.inputGradient(r);
            assertTrue(relativeError(inputOnly, expectedInput) < 1e-6, what + " input, without parameter gradients "
                    + relativeError(inputOnly, expectedInput));
            assertTrue(relativeError(net.conditionGradient(), expectedCondition) < 1e-6, what
                    + " condition, without parameter gradients " + relativeError(net.conditionGradient(), expectedCondition));
            assertNull(net.accumulatedGradient(), "an input gradient accumulates nothing");
        }
    }

    /**
     * The point of a conditional D: told matched pairs (x near the centre of its class) from mismatched ones.
     * Trained alone with the logistic loss, each head learns it; a concatenation followed directly by the
     * logit could not, since the condition would then shift every example's logit by the same amount.
     */
    @ParameterizedTest
    @EnumSource(ConditionalNetwork.Join.class)
    void theHeadLearnsWhetherAnExampleFitsItsCondition(ConditionalNetwork.Join join) {
        FastNetwork features = FastNetwork.builder(Shape.vector(2), DataType.FLOAT).dense(16).leakyRelu(0.2)
                .build(new Adam(1e-2), 3, 0.5);
        ConditionalNetwork net = new ConditionalNetwork(features, 16, 2, join, 1, false, new Adam(1e-2), 4, 0.5, DataType.FLOAT);
        SplittableRandom random = new SplittableRandom(5);
        for (int step = 0; step < 200; step++) {
            Pairs pairs = Pairs.draw(random, 64);
            net.condition(pairs.conditions);
            INDArray scores = net.forward(pairs.points, true);
            net.accumulateGradient(Transforms.sigmoid(scores, true).subi(pairs.matched));
            net.applyGradients(64);
        }
        Pairs test = Pairs.draw(random, 400);
        net.condition(test.conditions);
        INDArray said = net.forward(test.points, false).gt(0).castTo(DataType.FLOAT);
        double accuracy = said.eq(test.matched).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertTrue(accuracy > 0.9, join + ": " + accuracy + " of the pairs judged right");
    }

    /** Points of class 0 around (-2, 0) and class 1 around (2, 0), each with its own class or the other one. */
    private record Pairs(INDArray points, INDArray conditions, INDArray matched) {
        static Pairs draw(SplittableRandom random, int n) {
            float[] points = new float[2 * n];
            float[] conditions = new float[2 * n];
            float[] matched = new float[n];
            for (int i = 0; i < n; i++) {
                int label = random.nextInt(2);
                boolean fits = random.nextBoolean();
                points[2 * i] = (label == 0 ? -2 : 2) + (float) (0.3 * random.nextGaussian());
                points[2 * i + 1] = (float) (0.3 * random.nextGaussian());
                conditions[2 * i + (fits ? label : 1 - label)] = 1;
                matched[i] = fits ? 1 : 0;
            }
            return new Pairs(Nd4j.create(points, new long[] {n, 2}, 'c'), Nd4j.create(conditions, new long[] {n, 2}, 'c'),
                    Nd4j.create(matched, new long[] {n, 1}, 'c'));
        }
    }

    @ParameterizedTest
    @EnumSource(ConditionalNetwork.Join.class)
    void stateRoundTripsAndParametersSplitBack(ConditionalNetwork.Join join) throws Exception {
        ConditionalNetwork a = network(join, 1);
        ConditionalNetwork b = network(join, 1);
        INDArray shifted = a.parameters().addi(0.25);
        a.setParameters(shifted);
        assertEquals(shifted, a.parameters());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        INDArray x = new NormalSampler(1).next(DataType.DOUBLE, N, 1, 4, 4);
        INDArray y = new NormalSampler(2).next(DataType.DOUBLE, N, CONDITION);
        a.condition(y);
        b.condition(y);
        assertArrayEquals(a.forward(x, false).toDoubleVector(), b.forward(x, false).toDoubleVector(), 0);
        assertEquals(a.parameterCount(), a.parameters().length());
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), 16);
        IOException damaged = assertThrows(IOException.class,
                () -> b.readState(new DataInputStream(new ByteArrayInputStream(cut))));
        assertTrue(damaged.getMessage().startsWith("the conditional network's features: "),
                damaged.getMessage());
    }
}
