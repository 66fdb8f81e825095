package dev.gan4j.datasets.folder;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderConditionsTest {
    @TempDir
    Path root;

    private Path folder;
    private FolderFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectories(root.resolve("pictures"));
        fixture = new FolderFixture(root.resolve("home"));
    }

    private ImageFolderSource open(String more) throws IOException {
        return fixture.open(FolderFixture.directory(folder) + ", \"resolution\": 4" + more);
    }

    private String failure(String more) {
        return assertThrows(IOException.class, () -> open(more)).getMessage();
    }

    @Test
    void classesAreTheSortedSubFolders() throws IOException {
        Pictures.write(folder, "zebra/a.png", Pictures.solid(4, 4, 1));
        Pictures.write(folder, "apple/b.png", Pictures.solid(4, 4, 2));
        Pictures.write(folder, "apple/deeper/c.png", Pictures.solid(4, 4, 3));
        ImageFolderSource source = open(", \"conditions\": \"classes\"");
        assertEquals(OptionalInt.of(2), source.numClasses());
        assertEquals(List.of("apple", "zebra"), source.conditionSchema().classes());
        Batch batch = source.batch(new int[] {0, 1, 2});
        assertArrayEquals(new int[] {0, 0, 1}, batch.conditions().labelIndices());
        assertTrue(source.description().contains("2 classes from sub-folders"), source.description());
    }

    @Test
    void aPictureOutsideAnyClassFolderIsNamed() throws IOException {
        Pictures.write(folder, "cats/a.png", Pictures.solid(4, 4, 1));
        Pictures.write(folder, "stray.png", Pictures.solid(4, 4, 1));
        String message = failure(", \"conditions\": \"classes\"");
        assertTrue(message.contains("stray.png") && message.contains("labels.csv"), message);
    }

    @Test
    void oneSubFolderIsNotAClassification() throws IOException {
        Pictures.write(folder, "images/a.png", Pictures.solid(4, 4, 1));
        Pictures.write(folder, "images/b.png", Pictures.solid(4, 4, 1));
        Pictures.text(folder, "tags.csv", "file,tags\nimages/a.png,x\nimages/b.png,y\n");
        String message = failure(", \"conditions\": \"classes\"");
        assertTrue(message.contains("one class") && message.contains("--tags"), message);
    }

    @Test
    void labelsCsvGivesClassesWhenPresent() throws IOException {
        Pictures.write(folder, "x/a.png", Pictures.solid(4, 4, 1));
        Pictures.write(folder, "x/b.png", Pictures.solid(4, 4, 1));
        Pictures.text(folder, "labels.csv", "file,label\nx/a.png,robe\n./x/b.png,chapeau\n");
        ImageFolderSource source = open(", \"conditions\": \"classes\"");
        assertEquals(List.of("chapeau", "robe"), source.conditionSchema().classes());
        assertArrayEquals(new int[] {1, 0}, source.batch(new int[] {0, 1}).conditions().labelIndices());
    }

    @Test
    void tagsComeFromTagsCsvWithCommasInsideQuotes() throws IOException {
        Pictures.numbered(folder, 3, 4);
        Pictures.text(folder, "tags.csv", "file,tags\n"
                + "images/000.png,\"pink hair,glasses\"\n"
                + "images/001.png,\"blue hair\"\n"
                + "images/002.png,\"pink hair, long hair,pink hair\"\n");
        ImageFolderSource source = open(", \"conditions\": \"tags\"");
        ConditionSchema schema = source.conditionSchema();
        assertEquals(List.of("blue hair", "glasses", "long hair", "pink hair"), schema.tags());
        Batch batch = source.batch(new int[] {0, 1, 2});
        assertArrayEquals(new float[] {0, 1, 0, 1}, batch.tags().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {1, 0, 0, 0}, batch.tags().getRow(1).toFloatVector());
        assertArrayEquals(new float[] {0, 0, 1, 1}, batch.tags().getRow(2).toFloatVector());
        assertEquals(3, schema.wishes().size());
        assertTrue(schema.wishes().contains("pink hair,glasses"), schema.wishes().toString());
    }

    @Test
    void aDeclaredVocabularyOrdersTheTagsAndRefusesOthers() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,\"pink hair\"\nimages/001.png,\"green hair,hat\"\n");
        String message = failure(", \"conditions\": \"tags\", \"vocabulary\": [\"pink hair\", \"green hair\"]");
        assertTrue(message.contains("tags.csv line 3") && message.contains("'hat'") && message.contains("images/001.png"), message);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,\"pink hair\"\nimages/001.png,\"green hair\"\n");
        ImageFolderSource source = open(", \"conditions\": \"tags\", \"vocabulary\": [\"pink hair\", \"green hair\", \"hat\"]");
        assertEquals(List.of("pink hair", "green hair", "hat"), source.conditionSchema().tags());
        assertArrayEquals(new float[] {0, 1, 0}, source.batch(new int[] {1}).tags().getRow(0).toFloatVector());
    }

    /** Tag groups: a picture with two tags of one group is refused by line; the schema carries the groups. */
    @Test
    void tagGroupsAreCheckedAgainstEveryPictureAndKeptInTheSchema() throws IOException {
        Pictures.numbered(folder, 3, 4);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,\"pink hair,glasses\"\nimages/001.png,\"blue hair\"\n"
                + "images/002.png,\"pink hair,blue hair\"\n");
        String groups = ", \"conditions\": \"tags\", \"tagGroups\": {\"hair colour\": [\"pink hair\", \"blue hair\"]}";
        String message = failure(groups);
        assertTrue(message.contains("tags.csv line 4") && message.contains("images/002.png has pink hair and blue hair")
                && message.contains("exclude each other (data.tagGroups: one hair colour of pink hair, blue hair)"), message);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,\"pink hair,glasses\"\nimages/001.png,\"blue hair\"\n"
                + "images/002.png,\"glasses\"\n");
        ConditionSchema schema = open(groups).conditionSchema();
        assertEquals(Map.of("hair colour", List.of("pink hair", "blue hair")), schema.tagGroups());
        assertThrows(IllegalArgumentException.class, () -> schema.requireValidTagSet(List.of("blue hair", "pink hair")));
        String unknown = failure(", \"conditions\": \"tags\", \"tagGroups\": {\"hair colour\": [\"pink hair\", \"red hair\"]}");
        assertTrue(unknown.contains("data.tagGroups") && unknown.contains("'red hair'"), unknown);
    }

    @Test
    void tagFileErrorsNameTheFileAndLine() throws IOException {
        Pictures.numbered(folder, 2, 4);
        assertTrue(failure(", \"conditions\": \"tags\"").contains("tags.csv, which does not exist"));
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\nimages/001.png,b\nimages/000.png,c\n");
        String duplicate = failure(", \"conditions\": \"tags\"");
        assertTrue(duplicate.contains("line 4") && duplicate.contains("a second row for images/000.png (the first is line 2)"),
                duplicate);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\nimages/001.png,b\nimages/404.png,c\n");
        String missing = failure(", \"conditions\": \"tags\"");
        assertTrue(missing.contains("line 4") && missing.contains("images/404.png does not exist"), missing);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\n");
        String untagged = failure(", \"conditions\": \"tags\"");
        assertTrue(untagged.contains("no row for 1 of the 2 pictures") && untagged.contains("images/001.png"), untagged);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a,b\nimages/001.png,b\n");
        String unquoted = failure(", \"conditions\": \"tags\"");
        assertTrue(unquoted.contains("line 2") && unquoted.contains("found 3"), unquoted);
        Pictures.text(folder, "tags.csv", "name,labels\n");
        assertTrue(failure(", \"conditions\": \"tags\"").contains("the header must be file,tags"));
        Pictures.text(folder, "readme.md", "x");
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\nimages/001.png,b\nreadme.md,c\n");
        assertTrue(failure(", \"conditions\": \"tags\"").contains("readme.md is not a picture"));
    }

    @Test
    void emptyTagsAndRepeatedCaptionsAreNamed() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\nimages/001.png,\" , \"\n");
        String empty = failure(", \"conditions\": \"tags\"");
        assertTrue(empty.contains("line 3") && empty.contains("images/001.png has no tags"), empty);
        Pictures.text(folder, "captions.csv", "file,caption\nimages/000.png,a dog\nimages/001.png,a cat\nimages/000.png,a dog\n");
        String repeated = failure(", \"conditions\": \"captions\"");
        assertTrue(repeated.contains("line 4") && repeated.contains("same caption for images/000.png"), repeated);
    }

    @Test
    void aCsvThatIsNotUtf8IsNamed() throws IOException {
        Pictures.numbered(folder, 1, 4);
        Files.write(folder.resolve("captions.csv"), "file,caption\nimages/000.png,un caf\u00e9 cr\u00e8me\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        String message = failure(", \"conditions\": \"captions\"");
        assertTrue(message.contains("captions.csv is not UTF-8"), message);
    }

    @Test
    void aRowSpanningLinesReportsLaterRowsAtTheirOwnLine() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Pictures.text(folder, "captions.csv", "file,caption\nimages/000.png,\"two\nlines\"\nimages/001.png,\"\"\n");
        String message = failure(", \"conditions\": \"captions\"");
        assertTrue(message.contains("line 4") && message.contains("caption of images/001.png is empty"), message);
    }

    @Test
    void captionsCsvGivesSeveralCaptionsPerPictureDrawnFromTheSeed() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Pictures.text(folder, "captions.csv", "file,caption\n"
                + "images/000.png,\"un petit chien blanc, mignon\"\n"
                + "images/000.png,a small white dog\n"
                + "images/001.png,\"une bottine à lacets, foncée\"\n");
        ImageFolderSource source = open(", \"conditions\": \"captions\"");
        assertTrue(source.conditionSchema().texts());
        assertEquals(List.of("un petit chien blanc, mignon", "a small white dog", "une bottine à lacets, foncée"), source.texts());
        Set<String> shown = new HashSet<>();
        for (long draw = 0; draw < 20; draw++) {
            List<String> texts = source.batch(new int[] {0, 1}, draw).texts();
            assertEquals(texts, source.batch(new int[] {0, 1}, draw).texts(), "the same draw shows the same captions");
            assertEquals("une bottine à lacets, foncée", texts.get(1));
            shown.add(texts.get(0));
        }
        assertEquals(Set.of("un petit chien blanc, mignon", "a small white dog"), shown);
    }

    @Test
    void oneTextFilePerPictureBesideItOrInAMirroredFolder() throws IOException {
        Pictures.write(folder, "birds/001.Albatross/a.jpg", Pictures.solid(4, 4, 1));
        Pictures.write(folder, "birds/002.Finch/b.png", Pictures.solid(4, 4, 1));
        Pictures.text(folder, "birds/001.Albatross/a.txt", "a large bird with long wings\n\nun grand oiseau aux ailes longues\n");
        Pictures.text(folder, "birds/002.Finch/b.txt", "\uFEFFa small yellow bird\n");
        ImageFolderSource beside = open(", \"conditions\": \"captions\"");
        assertEquals(List.of("a large bird with long wings", "un grand oiseau aux ailes longues", "a small yellow bird"),
                beside.texts());

        Path cub = Files.createDirectories(root.resolve("cub"));
        Pictures.write(cub, "images/001.Albatross/a.jpg", Pictures.solid(4, 4, 1));
        Pictures.text(cub, "text_c10/001.Albatross/a.txt", "a white bird\n");
        ImageFolderSource mirrored = fixture.open(FolderFixture.directory(cub.resolve("images")) + ", \"resolution\": 4,"
                + " \"conditions\": \"captions\", \"captionFolder\": \"../text_c10\"");
        assertEquals(List.of("a white bird"), mirrored.texts());
        Files.delete(cub.resolve("text_c10/001.Albatross/a.txt"));
        IOException missing = assertThrows(IOException.class, () -> fixture.open(FolderFixture.directory(cub.resolve("images"))
                + ", \"resolution\": 4, \"conditions\": \"captions\", \"captionFolder\": \"../text_c10\""));
        assertTrue(missing.getMessage().contains("a.txt"), missing.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsNamed() throws IOException {
        Pictures.write(folder, "a.png", Pictures.solid(4, 4, 1));
        Files.write(folder.resolve("a.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        String message = failure(", \"conditions\": \"captions\"");
        assertTrue(message.contains("a.txt is not UTF-8"), message);
    }

    @Test
    void rowsOfSkippedPicturesArePassedOver() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Files.writeString(folder.resolve("images/bad.png"), "broken");
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\nimages/001.png,b\nimages/bad.png,c\n");
        ImageFolderSource source = open(", \"conditions\": \"tags\", \"skipBad\": true");
        assertEquals(2, source.size());
    }

    @Test
    void changedConditionsChangeTheFingerprint() throws IOException {
        Pictures.numbered(folder, 2, 4);
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,a\nimages/001.png,b\n");
        var before = open(", \"conditions\": \"tags\"").fingerprint();
        assertEquals(before, open(", \"conditions\": \"tags\"").fingerprint());
        Pictures.text(folder, "tags.csv", "file,tags\nimages/000.png,b\nimages/001.png,a\n");
        assertNotEquals(before, open(", \"conditions\": \"tags\"").fingerprint());
    }
}
