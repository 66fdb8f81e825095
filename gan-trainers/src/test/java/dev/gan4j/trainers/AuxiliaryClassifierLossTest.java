package dev.gan4j.trainers;

import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.NormalSampler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ACGAN's classifier losses: values by hand, gradients against finite differences. */
class AuxiliaryClassifierLossTest {
    private static void checkGradient(INDArray output, Conditions targets) {
        AuxiliaryClassifierLoss.Result result = AuxiliaryClassifierLoss.of(output, targets);
        double eps = 1e-6;
        for (int i = 0; i < output.size(0); i++) {
            for (int j = 1; j < output.size(1); j++) {
                INDArray shifted = output.dup();
                shifted.putScalar(i, j, output.getDouble(i, j) + eps);
                double up = AuxiliaryClassifierLoss.of(shifted, targets).loss();
                shifted.putScalar(i, j, output.getDouble(i, j) - eps);
                double down = AuxiliaryClassifierLoss.of(shifted, targets).loss();
                assertEquals((up - down) / (2 * eps), result.gradient().getDouble(i, j - 1), 1e-6, "logit " + i + ", " + j);
            }
        }
    }

    @Test
    void softmaxCrossEntropyForClasses() {
        INDArray output = Nd4j.createFromArray(new double[][] {{5, 0, 0, 0}, {-1, 1, 2, 3}});
        AuxiliaryClassifierLoss.Result result = AuxiliaryClassifierLoss.of(output, Conditions.ofLabels(1, 2));
        double expected = Math.log(3) + (Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3);
        assertEquals(expected, result.loss(), 1e-12, "the adversarial logit in column 0 is ignored");
        checkGradient(new NormalSampler(1).next(DataType.DOUBLE, 4, 4), Conditions.ofLabels(0, 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> AuxiliaryClassifierLoss.of(output, Conditions.ofLabels(3, 0)));
    }

    @Test
    void sigmoidCrossEntropyPerTag() {
        INDArray tags = Nd4j.createFromArray(new double[][] {{1, 0, 1}, {0, 0, 1}});
        Conditions targets = new Conditions(null, tags, null);
        AuxiliaryClassifierLoss.Result zero = AuxiliaryClassifierLoss.of(Nd4j.zeros(DataType.DOUBLE, 2, 4), targets);
        assertEquals(6 * Math.log(2), zero.loss(), 1e-12);
        checkGradient(new NormalSampler(2).next(DataType.DOUBLE, 2, 4), targets);
    }
}
