package dev.gan4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gan4j.core.io.NpyReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tag- and text-conditional Fashion-MNIST end to end: a few training steps of a small DCGAN on derived tags or
 * captions, sample grids during training, and {@code gan sample} with {@code --tags} and {@code --text} from the
 * checkpoint alone.
 */
class TagAndTextConditioningTest {
    @BeforeEach
    void data() {
        TestExperiments.assumeFashionMnist();
    }

    private static String experiment(String name, String conditions, String encoder, String strategy) {
        return """
                {
                  "name": "%s",
                  "seed": 7,
                  "data": {"type": "idx", "dataset": "fashion-mnist", "limit": 512, "batchSize": 32, "conditions": "%s"},
                  "encoder": %s,
                  "generator": {"type": "dcgan", "latentDim": 16, "channels": [16, 8]},
                  "discriminator": {"type": "dcgan", "channels": [8, 16]},
                  "strategy": %s,
                  "training": {"iterations": 4, "checkpointEvery": 4, "sampleEvery": 4, "logEvery": 2, "sampleGrid": 20}
                }
                """.formatted(name, conditions, encoder, strategy);
    }

    private static Path train(Path dir, String name, String json) throws Exception {
        Path run = dir.resolve(name);
        TestExperiments.Result trained = TestExperiments.run("train", TestExperiments.write(dir, name + ".json", json).toString(),
                "--run-dir", run.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        return run;
    }

    @Test
    void aTagModelTrainsWithMismatchedPairsAndSamplesTheTagsItIsAsked(@TempDir Path dir) throws Exception {
        Path run = train(dir, "tags", experiment("tags", "tags", "{\"type\": \"multi-hot\"}",
                "{\"type\": \"non-saturating\", \"matchingAware\": true}"));
        assertArrayEquals(new int[] {10, 2}, gridRowsAndColumns(run.resolve("samples/step-4.png")), "a row of 2 per typical tag set");
        assertTrue(Files.readString(run.resolve("metrics.jsonl")).contains("d_wrong"), "D's score of mismatched pairs is logged");

        Path samples = dir.resolve("s.npy");
        TestExperiments.Result boots = TestExperiments.run("sample", run.toString(), "--n", "5", "--out", samples.toString(),
                "--tags", "footwear, Dark", "--grid", dir.resolve("boots.png").toString());
        assertEquals(0, boots.exitCode(), boots.err());
        assertArrayEquals(new long[] {5, 1, 28, 28}, NpyReader.read(samples).shape());

        TestExperiments.Result unknown = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", samples.toString(),
                "--tags", "footwear,hat");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("error: --tags: ") && unknown.err().contains("unknown tag 'hat'") && unknown.err().contains("known tags: accessory, bottom, collar"),
                unknown.err());
        TestExperiments.Result text = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", samples.toString(),
                "--text", "a boot");
        assertEquals(2, text.exitCode());
        assertTrue(text.err().contains("conditioned on tags (--tags)"), text.err());

        TestExperiments.Result typical = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", samples.toString(),
                "--grid", dir.resolve("rows.png").toString());
        assertEquals(0, typical.exitCode(), typical.err());
        assertArrayEquals(new int[] {10, 8}, gridRowsAndColumns(dir.resolve("rows.png")));
    }

    @Test
    void aCaptionModelWithAugmentationSamplesFromTextAlone(@TempDir Path dir) throws Exception {
        String encoder = "{\"type\": \"conditioning-augmentation\", \"dim\": 8, \"klWeight\": 2.0,"
                + " \"encoder\": {\"type\": \"text-rnn\", \"cell\": \"gru\", \"embeddingDim\": 8, \"dim\": 16}}";
        Path run = train(dir, "captions", experiment("captions", "captions", encoder,
                "{\"type\": \"hinge\", \"matchingAware\": true}"));
        assertArrayEquals(new int[] {10, 2}, gridRowsAndColumns(run.resolve("samples/step-4.png")), "a row of 2 per typical caption");
        String metrics = Files.readString(run.resolve("metrics.jsonl"));
        assertTrue(metrics.contains("g_kl") && metrics.contains("d_wrong"), metrics);
        Path checkpoint = run.resolve("checkpoints/step-4");
        for (String file : new String[] {"encoder.bin", "augmentation.bin"}) {
            assertTrue(Files.isRegularFile(checkpoint.resolve(file)), file);
        }
        JsonNode conditions = new ObjectMapper().readTree(checkpoint.resolve("state.json").toFile()).get("conditions");
        assertTrue(conditions.get("texts").booleanValue());
        JsonNode vocabulary = conditions.get("vocabulary");
        assertTrue(vocabulary.size() > 30 && vocabulary.toString().contains("\"bottine\"") && vocabulary.toString().contains("\"à\""),
                vocabulary.toString());

        Path samples = dir.resolve("s.npy");
        TestExperiments.Result boots = TestExperiments.run("sample", run.toString(), "--n", "4", "--out", samples.toString(),
                "--text", "une bottine claire", "--grid", dir.resolve("boots.png").toString());
        assertEquals(0, boots.exitCode(), boots.err());
        assertArrayEquals(new long[] {4, 1, 28, 28}, NpyReader.read(samples).shape());
        TestExperiments.Result again = TestExperiments.run("sample", run.toString(), "--n", "4", "--out", dir.resolve("t.npy").toString(),
                "--text", "une bottine claire");
        assertEquals(NpyReader.read(samples), NpyReader.read(dir.resolve("t.npy")), "sampling reads the augmentation's mean: reproducible");

        TestExperiments.Result unknown = TestExperiments.run("sample", run.toString(), "--n", "2", "--out", samples.toString(),
                "--text", "ein roter Hut");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("error: --text: ") && unknown.err().contains("none of the words of 'ein roter Hut'"),
                unknown.err());
        TestExperiments.Result typical = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", samples.toString(),
                "--grid", dir.resolve("rows.png").toString());
        assertEquals(0, typical.exitCode(), typical.err());
        assertArrayEquals(new int[] {10, 8}, gridRowsAndColumns(dir.resolve("rows.png")));
    }

    /**
     * A resumed text-rnn model keeps the word ids its embeddings were trained with: those of the checkpoint, not a
     * vocabulary rebuilt from the data (here the checkpoint's is reordered, as changed captions would reorder it).
     */
    @Test
    void resumingATextModelKeepsItsCheckpointsVocabulary(@TempDir Path dir) throws Exception {
        String json = experiment("words", "captions", "{\"type\": \"text-rnn\", \"cell\": \"gru\", \"embeddingDim\": 8, \"dim\": 16}",
                "{\"type\": \"non-saturating\"}");
        Path run = train(dir, "words", json);
        Path state = run.resolve("checkpoints/step-4/state.json");
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode manifest = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(state.toFile());
        com.fasterxml.jackson.databind.node.ArrayNode vocabulary = (com.fasterxml.jackson.databind.node.ArrayNode) manifest.get("conditions")
                .get("vocabulary");
        java.util.List<JsonNode> reversed = new java.util.ArrayList<>();
        vocabulary.forEach(reversed::add);
        java.util.Collections.reverse(reversed);
        vocabulary.removeAll().addAll(reversed);
        Files.writeString(state, mapper.writeValueAsString(manifest));

        TestExperiments.Result resumed = TestExperiments.run("train", "--resume", "--run-dir", run.toString(),
                "--set", "training.iterations=6", "--set", "training.checkpointEvery=2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        JsonNode after = mapper.readTree(run.resolve("checkpoints/step-6/state.json").toFile()).get("conditions").get("vocabulary");
        assertEquals(vocabulary, after);
    }

    @Test
    void aFrozenHashedTextEncoderIsCheckpointedButNotTrained(@TempDir Path dir) throws Exception {
        Path run = train(dir, "hashed", experiment("hashed", "captions",
                "{\"type\": \"text-hash\", \"buckets\": 512, \"dim\": 32, \"trainable\": false}", "{\"type\": \"least-squares\"}"));
        JsonNode networks = new ObjectMapper().readTree(run.resolve("checkpoints/step-4/state.json").toFile()).get("networks");
        assertEquals(0, networks.get("encoder").get("updates").asInt(), networks.toString());
        assertEquals(4, networks.get("discriminator").get("updates").asInt(), networks.toString());
        TestExperiments.Result sampled = TestExperiments.run("sample", run.toString(), "--n", "2", "--out",
                dir.resolve("s.npy").toString(), "--text", "a small dark pullover with long sleeves");
        assertEquals(0, sampled.exitCode(), sampled.err());
        assertFalse(sampled.out().isEmpty());
    }

    /** Rows and columns of a grid of 28x28 images, each drawn at twice its size with 2 pixels of padding. */
    private static int[] gridRowsAndColumns(Path png) throws Exception {
        BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        return new int[] {(image.getHeight() - 2) / 58, (image.getWidth() - 2) / 58};
    }
}
