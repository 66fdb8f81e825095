package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.datasets.DatasetLocator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A folder of pictures ({@code "type": "image-folder"}), found by data set name like the IDX sets or given as a
 * {@code directory}, prepared once into a memory-mapped archive ({@link ImageFolderPreparer}) and served as
 * examples of one shape, with the classes, tags or captions the folder's own files give.
 *
 * <p>JSON goes through {@link #of}, where an absent field takes its default, so the resolved form written to the run
 * directory lists every default.
 *
 * @param dataset      a name looked up in {@code directory}, {@code $GAN_DATA_DIR/<name>}, {@code ~/.gan/datasets/<name>}
 *                     and {@code /usr/share/datasets/<name>}; {@code null} when {@code directory} is the folder
 * @param directory    the folder itself, or with {@code dataset} the first place searched
 * @param split        {@code all} (default), or the {@code train} or {@code test} part ({@link FolderSplit})
 * @param testFraction the share of pictures in the test part (default 0.1); only with {@code train} or {@code test}
 * @param resolution   side of square examples, a power of two (default 64); {@code null} when they are not square
 * @param width        width of examples that are not square; {@code null} for square ones
 * @param height       height of examples that are not square; {@code null} for square ones
 * @param channels     3 (RGB, default) or 1 (grey)
 * @param transform    how pictures of another shape are fitted (default {@code center-crop})
 * @param filter       how they are resampled (default {@code area})
 * @param background   the colour transparent pixels are composited onto and {@code pad} fills with, {@code rrggbb}
 *                     (default {@code ffffff})
 * @param mirror       serve every example a second time flipped left to right (default false)
 * @param conditions   what the examples carry ({@code none}, the default; {@code classes}, {@code tags}, {@code captions})
 * @param vocabulary   the tags allowed, in index order; a tag outside it is an error naming file and line;
 *                     {@code null} for every tag {@code tags.csv} uses, sorted
 * @param tagGroups    named groups of tags that exclude each other ({@code "hair colour": [...]}): a picture with two
 *                     tags of a group is an error naming its line, wishes are checked against them, and random wishes
 *                     take one tag of each group; {@code null} for none
 * @param captionFolder where one {@code .txt} per picture mirrors the pictures' paths (relative to the folder); {@code null}
 *                     for beside each picture; only used without {@code captions.csv}
 * @param skipBad      leave out pictures that cannot be read, listing them, instead of refusing the folder (default false)
 * @param cache        where prepared archives go; {@code null} for the folder's {@code .gan-cache}, or
 *                     {@code ~/.gan/cache} when the folder is read-only
 * @param limit        serve only the first {@code limit} examples of the split (quick tests), or {@code null} for all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageFolderSpec(String dataset, String directory, FolderSplit split, Double testFraction, Integer resolution,
                              Integer width, Integer height, int channels, ImageTransform transform, ResampleFilter filter,
                              String background, boolean mirror, FolderConditions conditions, List<String> vocabulary,
                              Map<String, List<String>> tagGroups, String captionFolder, boolean skipBad, String cache, Integer limit, int batchSize)
        implements DataSpec {
    public static final int DEFAULT_RESOLUTION = 64;
    public static final double DEFAULT_TEST_FRACTION = 0.1;
    private static final int MAX_SIDE = 4096;
    private static final Pattern COLOUR = Pattern.compile("#?[0-9a-fA-F]{6}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public ImageFolderSpec {
        Checks.positive("batchSize", batchSize, 64);
        Checks.nonBlank("dataset", dataset);
        Checks.nonBlank("directory", directory);
        Checks.nonBlank("captionFolder", captionFolder);
        Checks.nonBlank("cache", cache);
        if (dataset == null && directory == null) {
            throw new InvalidValueException("directory", "is required: name the folder of pictures, or a dataset such as"
                    + " \"avatars\" to look up");
        }
        if (dataset != null && (!NAME.matcher(dataset).matches() || dataset.startsWith("."))) {
            throw new InvalidValueException("dataset", "must be a plain name (letters, digits, '.', '_', '-'), found '" + dataset
                    + "'; give a folder's path as directory");
        }
        split = split == null ? FolderSplit.ALL : split;
        if (testFraction != null && split == FolderSplit.ALL) {
            throw new InvalidValueException("testFraction", "applies to the train and test splits; set split too");
        }
        testFraction = split == FolderSplit.ALL ? null
                : Checks.inRange("testFraction", testFraction, DEFAULT_TEST_FRACTION, 0, 1);
        if (split != FolderSplit.ALL && (testFraction <= 0 || testFraction >= 1)) {
            throw new InvalidValueException("testFraction", "must lie strictly between 0 and 1, found " + testFraction);
        }
        if (resolution != null && (width != null || height != null)) {
            throw new InvalidValueException("resolution", "give resolution (square examples) or width and height, not both");
        }
        if ((width == null) != (height == null)) {
            throw new InvalidValueException(width == null ? "width" : "height", "give width and height together, or resolution");
        }
        if (width != null) {
            Checks.atMost("width", Checks.positive("width", width, 0), MAX_SIDE, "the largest side prepared");
            Checks.atMost("height", Checks.positive("height", height, 0), MAX_SIDE, "the largest side prepared");
            if (width.equals(height)) {
                resolution = width;
                width = null;
                height = null;
            }
        } else {
            resolution = Checks.positive("resolution", resolution, DEFAULT_RESOLUTION);
        }
        if (resolution != null && (resolution < 4 || resolution > MAX_SIDE || Integer.bitCount(resolution) != 1)) {
            throw new InvalidValueException("resolution", "must be a power of two from 4 to " + MAX_SIDE + " (32, 64, 128, 256, ...),"
                    + " found " + resolution + "; give width and height for other sizes");
        }
        if (channels != 1 && channels != 3) {
            throw new InvalidValueException("channels", "must be 3 (RGB) or 1 (grey), found " + channels);
        }
        transform = transform == null ? ImageTransform.CENTER_CROP : transform;
        filter = filter == null ? ResampleFilter.AREA : filter;
        background = background == null ? "ffffff" : background;
        if (!COLOUR.matcher(background).matches()) {
            throw new InvalidValueException("background", "must be a colour rrggbb in hexadecimal, e.g. \"f0f0f0\", found '"
                    + background + "'");
        }
        background = background.replace("#", "").toLowerCase(Locale.ROOT);
        conditions = conditions == null ? FolderConditions.NONE : conditions;
        if (vocabulary != null) {
            if (conditions != FolderConditions.TAGS) {
                throw new InvalidValueException("vocabulary", "declares tags; it needs \"conditions\": \"tags\"");
            }
            if (vocabulary.isEmpty() || vocabulary.stream().anyMatch(t -> t == null || t.isBlank() || !t.equals(t.strip())
                    || t.contains(","))) {
                throw new InvalidValueException("vocabulary", "must list tags without commas or surrounding spaces, found " + vocabulary);
            }
            if (new HashSet<>(vocabulary).size() != vocabulary.size()) {
                throw new InvalidValueException("vocabulary", "lists a tag twice: " + vocabulary);
            }
            vocabulary = List.copyOf(vocabulary);
        }
        if (tagGroups != null) {
            if (conditions != FolderConditions.TAGS) {
                throw new InvalidValueException("tagGroups", "groups tags; it needs \"conditions\": \"tags\"");
            }
            try {
                tagGroups = ConditionSchema.orderedCopy(tagGroups);
                ConditionSchema.requireGroupsOf(vocabulary != null ? vocabulary
                        : tagGroups.values().stream().flatMap(List::stream).distinct().toList(), tagGroups);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidValueException("tagGroups", e.getMessage());
            }
        }
        if (captionFolder != null && conditions != FolderConditions.CAPTIONS) {
            throw new InvalidValueException("captionFolder", "says where captions are; it needs \"conditions\": \"captions\"");
        }
        if (limit != null) {
            Checks.positive("limit", limit, 0);
        }
    }

    /** The JSON creator: {@code null} means the default. */
    @JsonCreator
    public static ImageFolderSpec of(@JsonProperty("dataset") String dataset, @JsonProperty("directory") String directory,
                                     @JsonProperty("split") FolderSplit split, @JsonProperty("testFraction") Double testFraction,
                                     @JsonProperty("resolution") Integer resolution, @JsonProperty("width") Integer width,
                                     @JsonProperty("height") Integer height, @JsonProperty("channels") Integer channels,
                                     @JsonProperty("transform") ImageTransform transform,
                                     @JsonProperty("filter") ResampleFilter filter,
                                     @JsonProperty("background") String background, @JsonProperty("mirror") Boolean mirror,
                                     @JsonProperty("conditions") FolderConditions conditions,
                                     @JsonProperty("vocabulary") List<String> vocabulary,
                                     @JsonProperty("tagGroups") Map<String, List<String>> tagGroups,
                                     @JsonProperty("captionFolder") String captionFolder,
                                     @JsonProperty("skipBad") Boolean skipBad, @JsonProperty("cache") String cache,
                                     @JsonProperty("limit") Integer limit, @JsonProperty("batchSize") Integer batchSize) {
        return new ImageFolderSpec(dataset, directory, split, testFraction, resolution, width, height,
                channels == null ? 3 : channels, transform, filter, background, mirror != null && mirror, conditions, vocabulary,
                tagGroups, captionFolder, skipBad != null && skipBad, cache, limit, Checks.positive("batchSize", batchSize, 64));
    }

    /** The folder {@code directory} with every other field at its default. */
    public static ImageFolderSpec ofDirectory(String directory) {
        return of(null, directory, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** Width of the examples. */
    public int exampleWidth() {
        return resolution != null ? resolution : width;
    }

    /** Height of the examples. */
    public int exampleHeight() {
        return resolution != null ? resolution : height;
    }

    @Override
    public Optional<Shape> declaredShape() {
        return Optional.of(Shape.image(channels, exampleHeight(), exampleWidth()));
    }

    /** With tags and a declared vocabulary, the tags and their groups; else empty: only the data tells. */
    @Override
    public Optional<ConditionSchema> declaredSchema() {
        if (conditions != FolderConditions.TAGS || vocabulary == null) {
            return Optional.empty();
        }
        return Optional.of(ConditionSchema.ofTags(vocabulary, List.of()).withTagGroups(tagGroups == null ? Map.of() : tagGroups));
    }

    Preparation preparation() {
        return new Preparation(exampleWidth(), exampleHeight(), channels, transform, filter, background);
    }

    @Override
    public DataSource open(DataContext context) throws IOException {
        return open(context, System.err);
    }

    /** {@link #open(DataContext)} reporting preparation on {@code log}. */
    public DataSource open(DataContext context, PrintStream log) throws IOException {
        return new ImageFolderPreparer(new DatasetLocator(context), context).open(this, log);
    }
}
