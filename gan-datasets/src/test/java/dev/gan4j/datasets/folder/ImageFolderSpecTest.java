package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderSpecTest {
    @Test
    void defaultsAreResolvedAndRoundTrip() throws Exception {
        ImageFolderSpec spec = FolderFixture.spec("\"dataset\": \"avatars\"");
        assertEquals(64, spec.exampleWidth());
        assertEquals(3, spec.channels());
        assertEquals(ImageTransform.CENTER_CROP, spec.transform());
        assertEquals(ResampleFilter.AREA, spec.filter());
        assertEquals("ffffff", spec.background());
        assertEquals(FolderConditions.NONE, spec.conditions());
        assertEquals(FolderSplit.ALL, spec.split());
        String json = FolderFixture.REGISTRY.mapper().writerFor(DataSpec.class).writeValueAsString(spec);
        JsonNode tree = FolderFixture.REGISTRY.mapper().readTree(json);
        assertEquals("image-folder", tree.get("type").asText());
        assertEquals(64, tree.get("resolution").asInt());
        assertEquals("center-crop", tree.get("transform").asText());
        assertEquals(spec, FolderFixture.REGISTRY.mapper().readValue(json, DataSpec.class));
    }

    @Test
    void everyFieldRoundTrips() throws Exception {
        ImageFolderSpec spec = FolderFixture.spec("\"dataset\": \"avatars\", \"directory\": \"~/pictures\", \"split\": \"train\","
                + " \"testFraction\": 0.2, \"width\": 48, \"height\": 32, \"channels\": 1, \"transform\": \"pad\","
                + " \"filter\": \"lanczos\", \"background\": \"#F0F0F0\", \"mirror\": true, \"conditions\": \"tags\","
                + " \"vocabulary\": [\"a\", \"b\", \"c\"], \"tagGroups\": {\"ab\": [\"a\", \"b\"]}, \"skipBad\": true, \"cache\": \"/tmp/c\","
                + " \"limit\": 9, \"batchSize\": 16");
        assertEquals("f0f0f0", spec.background());
        assertEquals(48, spec.exampleWidth());
        assertEquals(32, spec.exampleHeight());
        String json = FolderFixture.REGISTRY.mapper().writerFor(DataSpec.class).writeValueAsString(spec);
        assertEquals(spec, FolderFixture.REGISTRY.mapper().readValue(json, DataSpec.class));
        assertEquals(List.of("a", "b", "c"), spec.vocabulary());
        ConditionSchema declared = spec.declaredSchema().orElseThrow();
        assertEquals(List.of("a", "b", "c"), declared.tags());
        assertEquals(Map.of("ab", List.of("a", "b")), declared.tagGroups(), "stand-in tags for gan bench without the data");
        assertTrue(FolderFixture.spec("\"directory\": \"x\", \"conditions\": \"tags\"").declaredSchema().isEmpty(),
                "without a declared vocabulary only the data tells");
    }

    @Test
    void squareWidthAndHeightBecomeAResolution() {
        ImageFolderSpec spec = FolderFixture.spec("\"directory\": \"x\", \"width\": 32, \"height\": 32");
        assertEquals(32, spec.resolution());
    }

    private static String problem(String fields) {
        Exception e = assertThrows(Exception.class, () -> FolderFixture.spec(fields));
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidValueException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(InvalidValueException.class, cause, e.toString());
        return cause.getMessage();
    }

    @Test
    void impossibleValuesNameTheirField() {
        assertTrue(problem("\"batchSize\": 8").startsWith("directory: is required"));
        assertTrue(problem("\"directory\": \"x\", \"resolution\": 48").startsWith("resolution: must be a power of two"));
        assertTrue(problem("\"directory\": \"x\", \"resolution\": 64, \"width\": 64, \"height\": 32").startsWith("resolution:"));
        assertTrue(problem("\"directory\": \"x\", \"width\": 64").startsWith("height:"));
        assertTrue(problem("\"directory\": \"x\", \"channels\": 4").startsWith("channels: must be 3"));
        assertTrue(problem("\"directory\": \"x\", \"transform\": \"crop\"").startsWith("transform: unknown transform 'crop'"));
        assertTrue(problem("\"directory\": \"x\", \"filter\": \"nearest\"").contains("known: area, lanczos"));
        assertTrue(problem("\"directory\": \"x\", \"background\": \"white\"").startsWith("background:"));
        assertTrue(problem("\"directory\": \"x\", \"conditions\": \"labels\"").contains("known: captions, classes, none, tags"));
        assertTrue(problem("\"directory\": \"x\", \"vocabulary\": [\"a\"]").startsWith("vocabulary: declares tags"));
        assertTrue(problem("\"directory\": \"x\", \"conditions\": \"tags\", \"vocabulary\": [\"a\", \"a\"]").contains("twice"));
        assertTrue(problem("\"directory\": \"x\", \"tagGroups\": {\"ab\": [\"a\", \"b\"]}").startsWith("tagGroups: groups tags"));
        assertTrue(problem("\"directory\": \"x\", \"conditions\": \"tags\", \"vocabulary\": [\"a\", \"b\"], \"tagGroups\": {\"ac\": [\"a\", \"c\"]}")
                .contains("'c'"));
        assertTrue(problem("\"directory\": \"x\", \"captionFolder\": \"t\"").startsWith("captionFolder:"));
        assertTrue(problem("\"directory\": \"x\", \"testFraction\": 0.2").startsWith("testFraction: applies to"));
        assertTrue(problem("\"directory\": \"x\", \"split\": \"test\", \"testFraction\": 0").startsWith("testFraction:"));
        assertTrue(problem("\"directory\": \"x\", \"split\": \"validation\"").startsWith("split:"));
        assertTrue(problem("\"dataset\": \"../etc\"").startsWith("dataset: must be a plain name"));
        assertTrue(problem("\"directory\": \"\"").startsWith("directory: must not be empty"));
        assertTrue(problem("\"directory\": \"x\", \"limit\": 0").startsWith("limit:"));
    }

    @Test
    void unknownKeysAreRefused() {
        Exception e = assertThrows(Exception.class, () -> FolderFixture.spec("\"directory\": \"x\", \"size\": 64"));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
        assertTrue(!(e instanceof ValueInstantiationException));
    }
}
