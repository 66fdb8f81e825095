package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneHotEncoderTest {
    private final OneHotEncoder encoder = new OneHotEncoder(ConditionSchema.ofClasses(List.of("t-shirt", "trouser", "dress")),
            DataType.FLOAT);

    @Test
    void encodesLabelsAsOneHotRows() {
        INDArray encoded = encoder.encode(Conditions.ofLabels(2, 0, 2), true);
        assertArrayEquals(new long[] {3, 3}, encoded.shape());
        assertEquals(Nd4j.createFromArray(new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 0, 1}}), encoded);
        assertEquals(3, encoder.outputDim());
        assertEquals(null, encoder.network(), "nothing to train");
    }

    @Test
    void wishesAreClassNamesInAnyCaseOrIndices() {
        assertArrayEquals(new int[] {2, 1, 0}, encoder.parse(List.of("Dress", "1", " t-shirt ")).labelIndices());
    }

    @Test
    void unknownClassesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.parse(List.of("sandal")));
        assertTrue(e.getMessage().contains("'sandal'") && e.getMessage().contains("0=t-shirt, 1=trouser, 2=dress"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encoder.parse(List.of("3")));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(Conditions.ofLabels(5), false));
    }

    @Test
    void dataWithoutClassesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OneHotEncoder(ConditionSchema.NONE, DataType.FLOAT));
        assertTrue(e.getMessage().contains("class labels"), e.getMessage());
    }
}
