package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.nn.FrozenNetwork;
import dev.gan4j.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextHashEncoderTest {
    private static final ConditionSchema TEXTS = ConditionSchema.ofTexts(List.of("a light ankle boot"));
    private static final List<String> SENTENCES = List.of("a light ankle boot", "une bottine claire", "un petit pull sombre");

    private static TextHashEncoder encoder(DataType dataType, boolean trainable) {
        return new TextHashEncoder(new EncoderContext(TEXTS, 5, new Adam(1e-2), dataType), 64, 6, true, trainable);
    }

    @Test
    void fnv1aIsTheSpecifiedHashOfTheUtf8Bytes() {
        assertEquals(0xcbf29ce484222325L, HashedFeatures.fnv1a(""));
        assertEquals(0xaf63dc4c8601ec8cL, HashedFeatures.fnv1a("a"));
        assertEquals(0x85944171f73967e8L, HashedFeatures.fnv1a("foobar"));
        assertNotEquals(HashedFeatures.fnv1a("été"), HashedFeatures.fnv1a("ete"));
    }

    @Test
    void featuresCountWordsAndPairsPerUnitLengthRow() {
        INDArray features = HashedFeatures.of(List.of("Un café, un CAFÉ", "!"), 1 << 20, true, DataType.DOUBLE);
        INDArray row = features.getRow(0);
        double word = row.getDouble(HashedFeatures.bucket("un", 1 << 20));
        assertEquals(2 * row.getDouble(HashedFeatures.bucket("café un", 1 << 20)), word, 1e-12, "un twice, the pair 'café un' once");
        assertEquals(1.0, row.norm2Number().doubleValue(), 1e-12);
        assertEquals(0.0, features.getRow(1).sumNumber().doubleValue(), "no words, no features");
    }

    @Test
    void encodingIsTheLinearProjectionOfTheFeatures() {
        TextHashEncoder encoder = encoder(DataType.DOUBLE, true);
        INDArray encoded = encoder.encode(new Conditions(null, null, SENTENCES), false);
        assertArrayEquals(new long[] {3, 6}, encoded.shape());
        assertEquals(6, encoder.outputDim());
        INDArray p = encoder.network().parameters();
        INDArray w = p.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 64 * 6)).reshape('c', 64, 6);
        INDArray b = p.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(64 * 6, 64 * 6 + 6)).reshape(1, 6);
        INDArray expected = encoder.features(SENTENCES).mmul(w).addRowVector(b);
        assertTrue(expected.equalsWithEps(encoded, 1e-12), encoded.toString());
        assertSame(TEXTS, encoder.schema());
    }

    @Test
    void projectionGradientMatchesFiniteDifferences() {
        TextHashEncoder encoder = encoder(DataType.DOUBLE, true);
        INDArray features = encoder.features(SENTENCES);
        INDArray r = Nd4j.rand(DataType.DOUBLE, 3, 6).subi(0.5);
        FiniteDifferences.checkGradients(encoder.network(), features, r, 200);
    }

    @Test
    void aFrozenEncoderKeepsItsWeightsAndATrainableOneLearns() {
        for (boolean trainable : new boolean[] {true, false}) {
            TextHashEncoder encoder = encoder(DataType.FLOAT, trainable);
            INDArray before = encoder.network().parameters();
            encoder.encode(new Conditions(null, null, SENTENCES), true);
            encoder.network().accumulateGradient(Nd4j.ones(DataType.FLOAT, 3, 6));
            encoder.network().applyGradients(3);
            assertEquals(!trainable, before.equals(encoder.network().parameters()), "trainable " + trainable);
            if (!trainable) {
                assertInstanceOf(FrozenNetwork.class, encoder.network());
            }
        }
    }

    @Test
    void dataWithoutTextsAndEmptyWishesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextHashEncoder(
                new EncoderContext(ConditionSchema.ofClasses(List.of("a", "b")), 1, new Adam(), DataType.FLOAT), 8, 2, true, true));
        assertTrue(e.getMessage().contains("text per example") && e.getMessage().contains("captions"), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> encoder(DataType.FLOAT, true).parse(List.of("?!")));
        assertTrue(empty.getMessage().contains("no words"), empty.getMessage());
        assertEquals(List.of("whatever you like"), encoder(DataType.FLOAT, true).parse(List.of("whatever you like")).texts());
    }
}
