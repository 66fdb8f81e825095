package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.testing.FiniteDifferences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRnnEncoderTest {
    private static final List<String> DATA = List.of("a light ankle boot", "une bottine claire", "a dark ankle boot",
            "un petit pull sombre", "a small dark pullover", "une robe claire");
    private static final ConditionSchema TEXTS = ConditionSchema.ofTexts(List.of("a light ankle boot"));

    private static TextRnnEncoder encoder(ConditionSchema schema, List<String> texts, RecurrentCell cell, Pooling pooling,
                                          int minCount, DataType dataType) {
        return new TextRnnEncoder(new EncoderContext(schema, 11, new Adam(1e-2), dataType, () -> texts), cell, pooling, 5, 4,
                minCount, 8, true);
    }

    @Test
    void theVocabularyHoldsFrequentWordsFirstAndGoesIntoTheSchema() {
        TextRnnEncoder encoder = encoder(TEXTS, DATA, RecurrentCell.LSTM, Pooling.MEAN, 2, DataType.FLOAT);
        assertEquals(List.of("a", "ankle", "boot", "claire", "dark", "une"), encoder.schema().vocabulary());
        assertEquals(TEXTS.wishes(), encoder.schema().wishes());
        assertTrue(encoder.schema().texts());
        INDArray ids = encoder.wordIds(List.of("A dark BOOT", "une robe", "petit pull"));
        assertEquals(Nd4j.createFromArray(new float[][] {{2, 6, 4}, {7, 0, 0}, {1, 0, 0}}), ids,
                "robe is rare: skipped; a sentence of rare words reads as the unknown id (1); padding 0");
    }

    @Test
    void aCheckpointRebuildsTheSameEncoderFromTheSchemaAlone() throws Exception {
        TextRnnEncoder trained = encoder(TEXTS, DATA, RecurrentCell.GRU, Pooling.LAST, 1, DataType.FLOAT);
        trained.encode(new Conditions(null, null, DATA), true);
        trained.network().accumulateGradient(Nd4j.ones(DataType.FLOAT, DATA.size(), 4));
        trained.network().applyGradients(DATA.size());
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        trained.network().writeState(new DataOutputStream(state));

        TextRnnEncoder rebuilt = encoder(trained.schema(), List.of(), RecurrentCell.GRU, Pooling.LAST, 1, DataType.FLOAT);
        rebuilt.network().readState(new DataInputStream(new ByteArrayInputStream(state.toByteArray())));
        Conditions wishes = rebuilt.parse(List.of("une bottine sombre", "a light pullover"));
        assertEquals(trained.encode(wishes, false), rebuilt.encode(wishes, false));
        assertEquals(1, rebuilt.network().updateCount());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoder(TEXTS, List.of(), RecurrentCell.GRU, Pooling.LAST, 1, DataType.FLOAT));
        assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"LSTM, MEAN", "LSTM, LAST", "GRU, MEAN", "GRU, LAST"})
    void paddingChangesNothing(RecurrentCell cell, Pooling pooling) {
        TextRnnEncoder encoder = encoder(TEXTS, DATA, cell, pooling, 1, DataType.DOUBLE);
        INDArray alone = encoder.encode(new Conditions(null, null, List.of("une bottine")), false);
        INDArray inBatch = encoder.encode(new Conditions(null, null, List.of("a small dark pullover", "une bottine")), false);
        assertArrayEquals(new long[] {2, 4}, inBatch.shape());
        assertTrue(alone.getRow(0).equalsWithEps(inBatch.getRow(1), 1e-12), alone + " vs " + inBatch);
    }

    @ParameterizedTest
    @CsvSource({"LSTM, MEAN", "LSTM, LAST", "GRU, MEAN", "GRU, LAST"})
    void gradientMatchesFiniteDifferences(RecurrentCell cell, Pooling pooling) {
        RecurrentTextNetwork net = new RecurrentTextNetwork(7, 3, 4, cell, pooling, new Adam(), 3, DataType.DOUBLE);
        INDArray ids = Nd4j.createFromArray(new double[][] {{2, 5, 6, 3}, {4, 1, 0, 0}, {6, 0, 0, 0}});
        INDArray r = Nd4j.rand(DataType.DOUBLE, 3, 4).subi(0.5);
        assertArrayEquals(new long[] {3, 4}, net.forward(ids, true).shape());
        net.backward(r);
        INDArray analytic = net.accumulatedGradient();
        net.discardGradients();
        DoubleSupplier loss = () -> net.forward(ids, true).mul(r).sumNumber().doubleValue();
        Random random = new Random(1);
        int checked = 0;
        int embeddingSize = 7 * 3;
        for (int k = 0; k < embeddingSize + 80; k++) {
            // Every embedding entry (word 6 appears twice, so its row sums two positions), then a random sample.
            long index = k < embeddingSize ? k : random.nextInt((int) net.parameterCount());
            double numeric = FiniteDifferences.derivative(net, index, 1e-6, loss);
            double a = analytic.getDouble(index);
            assertTrue(FiniteDifferences.relativeError(a, numeric) < 1e-5 || Math.abs(a - numeric) < 1e-9,
                    cell + "/" + pooling + " parameter " + index + ": analytic " + a + " vs numeric " + numeric);
            checked += a != 0 ? 1 : 0;
        }
        assertTrue(checked > 30, "most sampled parameters have a gradient: " + checked);
        assertEquals(0.0, analytic.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)).norm2Number().doubleValue(),
                "the padding row of the embedding gets no gradient");
    }

    @Test
    void wishesNeedAKnownWordAndDataNeedsTexts() {
        TextRnnEncoder encoder = encoder(TEXTS, DATA, RecurrentCell.LSTM, Pooling.MEAN, 1, DataType.FLOAT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.parse(List.of("ein roter Hut")));
        assertTrue(e.getMessage().contains("'ein roter Hut'") && e.getMessage().contains("a, ankle, boot, bottine"), e.getMessage());
        assertEquals(2, encoder.parse(List.of("a red boot", "une robe")).size());
        assertThrows(IllegalArgumentException.class, () -> encoder(ConditionSchema.ofTags(List.of("x"), List.of()), DATA,
                RecurrentCell.LSTM, Pooling.MEAN, 1, DataType.FLOAT));
    }
}
