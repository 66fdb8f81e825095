package dev.gan4j.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.google.inject.Guice;
import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.plugin.ComponentRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tags and captions derived for Fashion-MNIST: the phrases, the specs, and the real data where it is installed. */
class FashionMnistConditionsTest {
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");
    private static final FashionMnistConditions.Look PLAIN = new FashionMnistConditions.Look(0, 0);

    @TempDir
    Path home;

    @Test
    void captionsAreEnglishOrFrenchNounPhrasesThatAgree() {
        assertEquals("a light ankle boot", FashionMnistConditions.caption(9, new FashionMnistConditions.Look(1, 0), false, 0, false));
        assertEquals("une bottine claire", FashionMnistConditions.caption(9, new FashionMnistConditions.Look(1, 0), true, 0, false));
        assertEquals("un petit pull sombre", FashionMnistConditions.caption(2, new FashionMnistConditions.Look(-1, -1), true, 0, false));
        assertEquals("une grande robe claire", FashionMnistConditions.caption(3, new FashionMnistConditions.Look(1, 1), true, 0, false));
        assertEquals("an ankle boot", FashionMnistConditions.caption(9, PLAIN, false, 0, false));
        assertEquals("a small dark shirt with long sleeves",
                FashionMnistConditions.caption(6, new FashionMnistConditions.Look(-1, -1), false, 0, true));
        assertEquals("un t-shirt clair à manches courtes", FashionMnistConditions.caption(0, new FashionMnistConditions.Look(1, 0), true, 0, true));
        assertEquals("un sac à main", FashionMnistConditions.caption(8, PLAIN, true, 1, true), "bags have no sleeves");
        assertEquals(List.of("a dark t-shirt", "un petit pantalon clair", "a large dark pullover", "une robe claire",
                        "a small dark coat", "une grande sandale claire", "a dark shirt with long sleeves", "une petite basket claire",
                        "a large dark bag", "une bottine claire"), FashionMnistConditions.captionWishes());
    }

    @Test
    void tagsJoinClassAttributesAndWhatTheImageShows() {
        assertEquals(List.of("footwear", "warm", "light", "small"), FashionMnistConditions.tags(9, new FashionMnistConditions.Look(1, -1)));
        assertEquals(List.of("bottom"), FashionMnistConditions.tags(1, PLAIN));
        byte[] faint = new byte[784];
        java.util.Arrays.fill(faint, 0, 300, (byte) 100);
        assertEquals(new FashionMnistConditions.Look(-1, -1), FashionMnistConditions.look(faint, 0, 784, 0), "300 pixels of 100: dark, small t-shirt");
        byte[] bright = new byte[784];
        java.util.Arrays.fill(bright, 0, 600, (byte) 230);
        assertEquals(new FashionMnistConditions.Look(1, 1), FashionMnistConditions.look(bright, 0, 784, 0));
        for (String wish : FashionMnistConditions.tagWishes()) {
            assertTrue(FashionMnistConditions.TAGS.containsAll(List.of(wish.split(","))), wish);
        }
        float[] row = new float[20];
        FashionMnistConditions.tags(3, new FashionMnistConditions.Look(-1, 0), row, 2);
        assertEquals(1f, row[2 + FashionMnistConditions.TAGS.indexOf("one-piece")]);
        assertEquals(3f, row[2 + 0] + row[2 + 1] + sum(row), 0f, "one-piece, summer, dark: three tags");
    }

    private static float sum(float[] row) {
        float s = 0;
        for (float v : row) {
            s += v;
        }
        return s;
    }

    @Test
    void theConditionsOptionDefaultsToClassesAndNamesItselfInErrors() throws Exception {
        ObjectMapper mapper = Guice.createInjector(new DatasetsPlugin()).getInstance(ComponentRegistry.class).mapper();
        JsonNode resolved = mapper.readTree(mapper.writerFor(DataSpec.class).writeValueAsString(
                mapper.readValue("{\"type\": \"idx\"}", DataSpec.class)));
        assertEquals("classes", resolved.get("conditions").textValue());
        DataSpec captions = mapper.readValue("{\"type\": \"idx\", \"conditions\": \"captions\"}", DataSpec.class);
        assertEquals(DataConditions.CAPTIONS, ((IdxDataSpec) captions).conditions());
        assertEquals(captions, mapper.readValue(mapper.writerFor(DataSpec.class).writeValueAsString(captions), DataSpec.class));

        for (String[] c : new String[][] {
                {"{\"type\": \"idx\", \"dataset\": \"mnist\", \"conditions\": \"tags\"}", "'tags' are derived for the fashion-mnist dataset only, not for 'mnist'"},
                {"{\"type\": \"idx\", \"images\": \"x.idx\", \"labels\": \"y.idx\", \"conditions\": \"captions\"}", "not for explicit image files"},
                {"{\"type\": \"idx\", \"conditions\": \"words\"}", "unknown conditions 'words'; known: captions, classes, tags"}}) {
            ValueInstantiationException e = assertThrows(ValueInstantiationException.class, () -> mapper.readValue(c[0], DataSpec.class));
            InvalidValueException invalid = assertInstanceOf(InvalidValueException.class, e.getCause(), c[0]);
            assertEquals("conditions", invalid.field());
            assertTrue(invalid.problem().contains(c[1]), invalid.problem());
        }
    }

    @Test
    void realFashionMnistCarriesTagSetsOrCaptionsInsteadOfLabels() throws Exception {
        IdxDataSource tagged = open(DataConditions.TAGS);
        assertEquals(OptionalInt.empty(), tagged.numClasses());
        ConditionSchema schema = tagged.conditionSchema();
        assertEquals(FashionMnistConditions.TAGS, schema.tags());
        assertTrue(schema.classes().isEmpty() && !schema.texts() && schema.wishes().size() == 10, schema.toString());
        int[] indices = IntStream.range(0, 2000).toArray();
        Batch batch = tagged.batch(indices);
        assertNull(batch.labels());
        assertArrayEquals(new long[] {2000, 16}, batch.tags().shape());
        assertEquals(batch.tags(), tagged.batch(indices).tags(), "deterministic");
        float[] perTag = batch.tags().sum(0).toFloatVector();
        for (int t = 0; t < perTag.length; t++) {
            assertTrue(perTag[t] > 50, FashionMnistConditions.TAGS.get(t) + " appears " + perTag[t] + " times in 2000");
        }
        IdxDataSource labelled = open(DataConditions.CLASSES);
        float[] labels = labelled.batch(indices).labels().toFloatVector();
        Set<String> bootTagSets = new HashSet<>();
        for (int i = 0; i < indices.length; i++) {
            if (labels[i] == 9) {
                bootTagSets.add(batch.tags().getRow(i).toString());
            }
        }
        assertTrue(bootTagSets.size() >= 6, "ankle boots differ in what their images show: " + bootTagSets.size() + " tag sets");

        IdxDataSource captioned = open(DataConditions.CAPTIONS);
        assertTrue(captioned.conditionSchema().texts());
        List<String> texts = captioned.batch(new int[] {0, 1, 2, 3, 4, 5, 6, 7}).texts();
        assertEquals(texts, captioned.texts().subList(0, 8));
        assertEquals(60_000, captioned.texts().size());
        assertEquals("a large light ankle boot", texts.get(0), "example 0: an ankle boot of 397 pixels averaging 191 (large, light), in English");
        long french = captioned.texts().stream().limit(2000).filter(t -> t.startsWith("un ") || t.startsWith("une ")).count();
        assertTrue(french > 800 && french < 1200, french + " French captions in 2000");
        assertTrue(captioned.description().contains("captions"), captioned.description());
    }

    private IdxDataSource open(DataConditions conditions) throws Exception {
        assumeTrue(DatasetLocator.inFolder(INSTALLED, Split.TRAIN).isPresent(), "Fashion-MNIST is not installed in " + INSTALLED);
        return IdxDataSpec.of("fashion-mnist", "train", null, null, null, null, null, null, conditions)
                .open(new DatasetLocator(new DataContext(Map.of(), home)), dataset -> {
                    throw new AssertionError("no download expected");
                }, System.err);
    }
}
