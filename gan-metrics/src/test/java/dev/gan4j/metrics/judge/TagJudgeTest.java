package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A multi-label judge: one sigmoid output per tag, trained on tag sets that overlap. */
class TagJudgeTest {
    private static final List<String> TAGS = List.of("straight", "diagonal", "horizontal");

    /** The stripes with tag sets instead of classes: a horizontal stripe is straight and horizontal. */
    private record TaggedStripes(int size, long seed) implements DataSource {
        @Override
        public Shape shape() {
            return Shape.image(1, 8, 8);
        }

        @Override
        public OptionalInt numClasses() {
            return OptionalInt.empty();
        }

        @Override
        public ConditionSchema conditionSchema() {
            return new ConditionSchema(List.of(), TAGS, false);
        }

        @Override
        public Batch batch(int[] indices) {
            float[] values = new float[indices.length * 64];
            float[] tags = new float[indices.length * 3];
            for (int i = 0; i < indices.length; i++) {
                int label = StripesData.label(indices[i]);
                System.arraycopy(StripesData.image(indices[i], seed, label), 0, values, i * 64, 64);
                tags[3 * i] = label < 2 ? 1 : 0;
                tags[3 * i + 1] = label == 2 ? 1 : 0;
                tags[3 * i + 2] = label == 0 ? 1 : 0;
            }
            return new Batch(Nd4j.create(values, new long[] {indices.length, 1, 8, 8}, 'c'), null,
                    Nd4j.create(tags, new long[] {indices.length, 3}, 'c'), null);
        }

        @Override
        public String description() {
            return size + " tagged stripe images";
        }
    }

    @Test
    void learnsTagSetsAndKeepsItsVocabulary(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Judge judge = new JudgeTrainer(2, 32, 2e-3, 7).train(new TaggedStripes(960, 1), new TaggedStripes(300, 2), true,
                new PrintStream(out));
        assertTrue(judge.info().multiLabel());
        assertEquals(TAGS, judge.info().tags());
        assertEquals(3, judge.info().classes());
        assertTrue(judge.info().testAccuracy() > 0.95, "tag accuracy " + judge.info().testAccuracy() + "\n" + out);

        Batch horizontal = new TaggedStripes(10, 3).batch(new int[] {0, 3});
        INDArray p = judge.tagProbabilitiesFromFeatures(judge.features(horizontal.examples()));
        assertArrayEquals(new long[] {2, 3}, p.shape());
        assertTrue(p.getDouble(0, 0) > 0.5 && p.getDouble(0, 1) < 0.5 && p.getDouble(0, 2) > 0.5, p.toString());
        assertThrows(IllegalStateException.class, () -> judge.probabilitiesFromFeatures(judge.features(horizontal.examples())));

        Path file = dir.resolve("tags.judge");
        judge.save(file);
        assertEquals(judge.info(), Judge.load(file).info(), "the vocabulary survives a save");
    }

    @Test
    void untaggedDataIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JudgeTrainer(1, 32, 2e-3, 7)
                .train(new StripesData(64, 1), new StripesData(64, 2), true, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("no tags"), e.getMessage());
    }
}
