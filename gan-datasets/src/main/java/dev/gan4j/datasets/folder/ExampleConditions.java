package dev.gan4j.datasets.folder;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.io.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What each example of an image folder carries, read from the folder's own files (never from code): a class, a tag
 * set or captions. Held compactly (indices and one UTF-8 block of captions) so that a folder of hundreds of thousands
 * of pictures costs the heap a few bytes per example beyond its captions' text.
 *
 * <p>Every problem is an {@link IOException} naming the file and line: a row naming a missing file, a second row for
 * one picture (labels and tags), a tag outside a declared vocabulary, a picture without a row, an empty caption.
 * Rows naming pictures left out as unreadable ({@code skipBad}) are passed over.
 */
final class ExampleConditions {
    static final String LABELS_FILE = "labels.csv";
    static final String TAGS_FILE = "tags.csv";
    static final String CAPTIONS_FILE = "captions.csv";
    private static final int WISHES = 8;
    private static final int LISTED_MISSING = 5;

    private final FolderConditions kind;
    private final String source;
    private final List<String> names;
    private final int[] labels;
    private final int[] tagStart;
    private final int[] tagIds;
    private final byte[] captionText;
    private final int[] captionStart;
    private final int[] exampleCaptions;
    private final Map<String, List<String>> tagGroups;

    private ExampleConditions(FolderConditions kind, String source, List<String> names, int[] labels, int[] tagStart,
                              int[] tagIds, byte[] captionText, int[] captionStart, int[] exampleCaptions,
                              Map<String, List<String>> tagGroups) {
        this.kind = kind;
        this.source = source;
        this.names = List.copyOf(names);
        this.labels = labels;
        this.tagStart = tagStart;
        this.tagIds = tagIds;
        this.captionText = captionText;
        this.captionStart = captionStart;
        this.exampleCaptions = exampleCaptions;
        this.tagGroups = tagGroups;
    }

    /**
     * Reads the conditions of the pictures at {@code paths} (relative to {@code root}, index order).
     *
     * @param skipped       pictures left out as unreadable, whose rows are passed over
     * @param vocabulary    the declared tags, or {@code null} to take every tag the file uses, sorted
     * @param tagGroups     named groups of tags that exclude each other; a picture with two tags of one group is an error
     * @param captionFolder where one {@code .txt} per picture mirrors the pictures' paths, when there is no
     *                      {@code captions.csv}; {@code null} for beside each picture
     */
    static ExampleConditions read(Path root, List<String> paths, Set<String> skipped, FolderConditions kind,
                                  List<String> vocabulary, Map<String, List<String>> tagGroups, Path captionFolder) throws IOException {
        requireNonNull(root, "root is null");
        requireNonNull(paths, "paths is null");
        return switch (kind) {
            case NONE -> new ExampleConditions(kind, "", List.of(), null, null, null, null, null, null, Map.of());
            case CLASSES -> Files.isRegularFile(root.resolve(LABELS_FILE))
                    ? classesFromCsv(root, paths, skipped) : classesFromFolders(root, paths);
            case TAGS -> tags(root, paths, skipped, vocabulary, tagGroups == null ? Map.of() : tagGroups);
            case CAPTIONS -> Files.isRegularFile(root.resolve(CAPTIONS_FILE))
                    ? captionsFromCsv(root, paths, skipped) : captionsFromText(root, paths, captionFolder);
        };
    }

    private static ExampleConditions classesFromFolders(Path root, List<String> paths) throws IOException {
        List<String> loose = paths.stream().filter(p -> p.indexOf('/') < 0).limit(LISTED_MISSING).toList();
        if (!loose.isEmpty()) {
            throw new IOException("conditions \"classes\" take each picture's class from its sub-folder (or from " + LABELS_FILE
                    + "), but " + root.resolve(loose.get(0)) + " lies directly in " + root + (loose.size() > 1 ? " (and others: "
                    + String.join(", ", loose.subList(1, loose.size())) + ")" : "")
                    + "; put each class in a sub-folder of its name, or give " + LABELS_FILE + " (file,label)");
        }
        List<String> names = new ArrayList<>(new TreeSet<>(paths.stream().map(p -> p.substring(0, p.indexOf('/'))).toList()));
        if (names.size() < 2) {
            throw new IOException("conditions \"classes\" take each picture's class from its sub-folder, but every picture of "
                    + root + " lies in '" + names.get(0) + "': one class; put each class in a sub-folder of its name, or give "
                    + LABELS_FILE + " (file,label)" + (Files.isRegularFile(root.resolve(TAGS_FILE)) ? "; this folder has "
                    + TAGS_FILE + ": \"conditions\": \"tags\" (gan judge train --tags) reads it" : ""));
        }
        Map<String, Integer> index = indexOf(names);
        int[] labels = paths.stream().mapToInt(p -> index.get(p.substring(0, p.indexOf('/')))).toArray();
        return new ExampleConditions(FolderConditions.CLASSES, "sub-folders", names, labels, null, null, null, null, null, Map.of());
    }

    private static ExampleConditions classesFromCsv(Path root, List<String> paths, Set<String> skipped) throws IOException {
        Path csv = root.resolve(LABELS_FILE);
        String[] values = oneRowEach(root, csv, "label", paths, skipped);
        List<String> names = new ArrayList<>(new TreeSet<>(Arrays.asList(values)));
        Map<String, Integer> index = indexOf(names);
        int[] labels = Arrays.stream(values).mapToInt(index::get).toArray();
        return new ExampleConditions(FolderConditions.CLASSES, LABELS_FILE, names, labels, null, null, null, null, null, Map.of());
    }

    private static ExampleConditions tags(Path root, List<String> paths, Set<String> skipped, List<String> vocabulary,
                                          Map<String, List<String>> tagGroups) throws IOException {
        Path csv = root.resolve(TAGS_FILE);
        if (!Files.isRegularFile(csv)) {
            throw new IOException("conditions \"tags\" read " + csv + ", which does not exist: give one row per picture,"
                    + " file,tags with the tags comma-separated in a quoted field, e.g. images/0001.png,\"pink hair,glasses\"");
        }
        Map<String, Integer> position = positions(paths);
        String[] values = new String[paths.size()];
        long[] lines = new long[paths.size()];
        List<List<String>> sets = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            sets.add(null);
        }
        Set<String> declared = vocabulary == null ? null : new LinkedHashSet<>(vocabulary);
        Set<String> used = new TreeSet<>();
        for (CsvRows.Row row : CsvRows.read(csv, "tags")) {
            Integer i = place(root, csv, row, position, skipped, values, lines);
            if (i == null) {
                continue;
            }
            List<String> tags = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(row.value().split(","))
                    .map(String::strip).filter(t -> !t.isEmpty()).toList()));
            if (tags.isEmpty()) {
                throw new IOException(csv + " line " + row.line() + ": " + row.file() + " has no tags; give it at least one, or"
                        + " leave the picture out of the folder");
            }
            for (String tag : tags) {
                if (declared != null && !declared.contains(tag)) {
                    throw new IOException(csv + " line " + row.line() + ": tag '" + tag + "' of " + row.file()
                            + " is not in the declared vocabulary (data.vocabulary): " + vocabulary);
                }
            }
            Optional<ConditionSchema.GroupClash> clash = ConditionSchema.clash(tagGroups, tags);
            if (clash.isPresent()) {
                String group = clash.get().group();
                throw new IOException(csv + " line " + row.line() + ": " + row.file() + " has " + String.join(" and ", clash.get().chosen())
                        + ", which exclude each other (data.tagGroups: one " + group + " of " + String.join(", ", tagGroups.get(group)) + ")");
            }
            used.addAll(tags);
            sets.set(i, tags);
        }
        requireEveryPicture(csv, paths, values);
        List<String> names = declared == null ? new ArrayList<>(used) : List.copyOf(declared);
        try {
            ConditionSchema.requireGroupsOf(names, tagGroups);
        } catch (IllegalArgumentException e) {
            throw new IOException(csv + ": data.tagGroups: " + e.getMessage());
        }
        Map<String, Integer> index = indexOf(names);
        int[] start = new int[paths.size() + 1];
        int total = sets.stream().mapToInt(List::size).sum();
        int[] ids = new int[total];
        int at = 0;
        for (int i = 0; i < paths.size(); i++) {
            start[i] = at;
            for (String tag : sets.get(i)) {
                ids[at++] = index.get(tag);
            }
        }
        start[paths.size()] = at;
        return new ExampleConditions(FolderConditions.TAGS, TAGS_FILE, names, null, start, ids, null, null, null, tagGroups);
    }

    private static ExampleConditions captionsFromCsv(Path root, List<String> paths, Set<String> skipped) throws IOException {
        Path csv = root.resolve(CAPTIONS_FILE);
        Map<String, Integer> position = positions(paths);
        List<List<String>> captions = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            captions.add(new ArrayList<>(2));
        }
        for (CsvRows.Row row : CsvRows.read(csv, "caption")) {
            Integer i = position.get(row.file());
            if (i == null) {
                requireUnknownIsSkipped(root, csv, row, skipped);
                continue;
            }
            String caption = row.value().strip();
            if (caption.isEmpty()) {
                throw new IOException(csv + " line " + row.line() + ": the caption of " + row.file() + " is empty");
            }
            if (captions.get(i).contains(caption)) {
                throw new IOException(csv + " line " + row.line() + ": a second row with the same caption for " + row.file());
            }
            captions.get(i).add(caption);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            if (captions.get(i).isEmpty()) {
                missing.add(paths.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(csv + " has no caption for " + missing.size() + " of the " + paths.size() + " pictures, e.g. "
                    + String.join(", ", missing.subList(0, Math.min(LISTED_MISSING, missing.size()))));
        }
        return packCaptions(CAPTIONS_FILE, captions);
    }

    private static ExampleConditions captionsFromText(Path root, List<String> paths, Path captionFolder) throws IOException {
        Path folder = captionFolder == null ? root : captionFolder;
        List<List<String>> captions = new ArrayList<>(paths.size());
        for (String path : paths) {
            int dot = path.lastIndexOf('.');
            Path text = folder.resolve(path.substring(0, dot) + ".txt");
            if (!Files.isRegularFile(text)) {
                throw new IOException("no captions for " + root.resolve(path) + ": conditions \"captions\" read " + root.resolve(CAPTIONS_FILE)
                        + " or one .txt per picture, and neither " + CAPTIONS_FILE + " nor " + text + " exists");
            }
            List<String> lines = new ArrayList<>();
            for (String line : utf8(text).split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            if (lines.isEmpty()) {
                throw new IOException(text + " holds no caption for " + path + ": write one caption per line");
            }
            captions.add(lines);
        }
        return packCaptions(captionFolder == null ? "one .txt per picture" : ".txt files under " + folder, captions);
    }

    private static String utf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: save it as UTF-8", e);
        }
    }

    private static ExampleConditions packCaptions(String source, List<List<String>> captions) {
        int total = captions.stream().mapToInt(List::size).sum();
        int[] exampleCaptions = new int[captions.size() + 1];
        int[] captionStart = new int[total + 1];
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int caption = 0;
        for (int i = 0; i < captions.size(); i++) {
            exampleCaptions[i] = caption;
            for (String c : captions.get(i)) {
                captionStart[caption++] = text.size();
                text.writeBytes(c.getBytes(StandardCharsets.UTF_8));
            }
        }
        exampleCaptions[captions.size()] = caption;
        captionStart[total] = text.size();
        return new ExampleConditions(FolderConditions.CAPTIONS, source, List.of(), null, null, null, text.toByteArray(),
                captionStart, exampleCaptions, Map.of());
    }

    /** The value of each picture's one row; a second row for a picture, or a picture without a row, is an error. */
    private static String[] oneRowEach(Path root, Path csv, String column, List<String> paths, Set<String> skipped)
            throws IOException {
        Map<String, Integer> position = positions(paths);
        String[] values = new String[paths.size()];
        long[] lines = new long[paths.size()];
        for (CsvRows.Row row : CsvRows.read(csv, column)) {
            Integer i = place(root, csv, row, position, skipped, values, lines);
            if (i != null) {
                String value = row.value().strip();
                if (value.isEmpty()) {
                    throw new IOException(csv + " line " + row.line() + ": the " + column + " of " + row.file() + " is empty");
                }
                values[i] = value;
            }
        }
        requireEveryPicture(csv, paths, values);
        return values;
    }

    /** Where a row's picture is, or {@code null} for a picture left out as unreadable; a second row is an error. */
    private static Integer place(Path root, Path csv, CsvRows.Row row, Map<String, Integer> position, Set<String> skipped,
                                 String[] values, long[] lines) throws IOException {
        Integer i = position.get(row.file());
        if (i == null) {
            requireUnknownIsSkipped(root, csv, row, skipped);
            return null;
        }
        if (lines[i] != 0) {
            throw new IOException(csv + " line " + row.line() + ": a second row for " + row.file() + " (the first is line "
                    + lines[i] + ")");
        }
        lines[i] = row.line();
        values[i] = row.value();
        return i;
    }

    private static void requireUnknownIsSkipped(Path root, Path csv, CsvRows.Row row, Set<String> skipped) throws IOException {
        if (skipped.contains(row.file())) {
            return;
        }
        Path file = root.resolve(row.file());
        if (Files.isRegularFile(file)) {
            throw new IOException(csv + " line " + row.line() + ": " + row.file() + " is not a picture this data source reads ("
                    + String.join(", ", new TreeSet<>(FolderScan.IMAGE_EXTENSIONS)) + ", in non-hidden folders)");
        }
        throw new IOException(csv + " line " + row.line() + ": " + row.file() + " does not exist in " + root);
    }

    private static void requireEveryPicture(Path csv, List<String> paths, String[] values) throws IOException {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            if (values[i] == null) {
                missing.add(paths.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(csv + " has no row for " + missing.size() + " of the " + paths.size() + " pictures, e.g. "
                    + String.join(", ", missing.subList(0, Math.min(LISTED_MISSING, missing.size()))));
        }
    }

    private static Map<String, Integer> positions(List<String> paths) {
        Map<String, Integer> position = new HashMap<>(paths.size() * 2);
        for (int i = 0; i < paths.size(); i++) {
            position.put(paths.get(i), i);
        }
        return position;
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    FolderConditions kind() {
        return kind;
    }

    /** Which of the folder's files the conditions came from, for descriptions. */
    String source() {
        return source;
    }

    /** Class names (classes) or the tag vocabulary (tags), index order; empty otherwise. */
    List<String> names() {
        return names;
    }

    int label(int example) {
        return labels[example];
    }

    /** The tag indices of an example. */
    int[] tags(int example) {
        return Arrays.copyOfRange(tagIds, tagStart[example], tagStart[example + 1]);
    }

    int captionCount(int example) {
        return exampleCaptions[example + 1] - exampleCaptions[example];
    }

    String caption(int example, int which) {
        int c = exampleCaptions[example] + which;
        return new String(captionText, captionStart[c], captionStart[c + 1] - captionStart[c], StandardCharsets.UTF_8);
    }

    /** What the examples offer to condition on, with a few typical wishes drawn from the examples among {@code examples}. */
    ConditionSchema schema(int[] examples) {
        return switch (kind) {
            case NONE -> ConditionSchema.NONE;
            case CLASSES -> ConditionSchema.ofClasses(names);
            case TAGS -> ConditionSchema.ofTags(names, frequentTagSets(examples)).withTagGroups(tagGroups);
            case CAPTIONS -> ConditionSchema.ofTexts(spreadCaptions(examples));
        };
    }

    /** The most frequent tag sets among {@code examples} (ties in order of first appearance), comma-separated. */
    private List<String> frequentTagSets(int[] examples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int example : examples) {
            StringBuilder set = new StringBuilder();
            for (int tag : tags(example)) {
                set.append(set.isEmpty() ? "" : ",").append(names.get(tag));
            }
            if (!set.isEmpty()) {
                counts.merge(set.toString(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(WISHES).map(Map.Entry::getKey).toList();
    }

    /** The first caption of examples spread evenly over {@code examples}, without repeats. */
    private List<String> spreadCaptions(int[] examples) {
        Set<String> wishes = new LinkedHashSet<>();
        for (int k = 0; k < WISHES && examples.length > 0; k++) {
            wishes.add(caption(examples[(int) ((long) k * examples.length / WISHES)], 0));
        }
        return List.copyOf(wishes);
    }

    /** SHA-256 of everything the examples carry, in order, so a changed label, tag or caption changes the data's digest. */
    String digest() {
        MessageDigest digest = Sha256.newDigest();
        digest.update((kind.id() + "|" + String.join("\n", names) + "|").getBytes(StandardCharsets.UTF_8));
        ByteBuffer ints = ByteBuffer.allocate(4);
        for (int[] array : new int[][] {labels, tagStart, tagIds, captionStart, exampleCaptions}) {
            if (array != null) {
                for (int value : array) {
                    ints.clear();
                    digest.update(ints.putInt(value).array());
                }
            }
            digest.update((byte) '|');
        }
        if (captionText != null) {
            digest.update(captionText);
        }
        return Sha256.hex(digest);
    }
}
