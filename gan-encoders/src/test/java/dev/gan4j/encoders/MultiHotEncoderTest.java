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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiHotEncoderTest {
    private final MultiHotEncoder encoder = new MultiHotEncoder(
            ConditionSchema.ofTags(List.of("top", "footwear", "dark", "light"), List.of("top,dark")), DataType.FLOAT);

    @Test
    void tagSetsAreTheirMultiHotRows() {
        INDArray tags = Nd4j.createFromArray(new float[][] {{1, 0, 1, 0}, {0, 1, 0, 1}});
        INDArray encoded = encoder.encode(new Conditions(null, tags, null), true);
        assertArrayEquals(new long[] {2, 4}, encoded.shape());
        assertEquals(tags, encoded);
        assertEquals(4, encoder.outputDim());
        assertNull(encoder.network(), "nothing to train");
    }

    @Test
    void wishesAreCommaSeparatedTagsInAnyCaseAndOrder() {
        Conditions parsed = encoder.parse(List.of("dark, Top", "footwear,light,", "light"));
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 0, 1, 0}, {0, 1, 0, 1}, {0, 0, 0, 1}}), parsed.tags());
        assertNull(parsed.labels());
    }

    @Test
    void unknownTagsListTheKnownOnesSorted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.parse(List.of("top,hat")));
        assertTrue(e.getMessage().contains("unknown tag 'hat'") && e.getMessage().contains("dark, footwear, light, top"), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> encoder.parse(List.of(" , ")));
        assertTrue(empty.getMessage().contains("no tags"), empty.getMessage());
    }

    @Test
    void dataWithoutTagsIsRefusedAndWrongWidthsToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiHotEncoder(ConditionSchema.ofClasses(List.of("a", "b")), DataType.FLOAT));
        assertTrue(e.getMessage().contains("tag sets") && e.getMessage().contains("one-hot"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(new Conditions(null, Nd4j.zeros(2, 3), null), false));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(Conditions.ofLabels(1, 2), false));
    }
}
