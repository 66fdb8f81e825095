package dev.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.InvalidValueException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * MNIST-style IDX files ({@code "type": "idx"}), found by data set name or given explicitly.
 *
 * <p>{@link DataSpec#batchSize()} is an {@code int}, so the record holds resolved values and JSON
 * goes through {@link #of}, where an absent field takes its default; the resolved form written to
 * the run directory therefore lists every default.
 *
 * @param dataset   a {@link KnownDataset} id, looked up in the usual folders; {@code null} only with {@code images}
 * @param split     {@code train} or {@code test}; {@code null} only with {@code images}
 * @param directory a folder holding the standard file names, searched before the usual folders
 * @param images    an explicit image file; replaces the lookup by name
 * @param labels    an explicit label file, or {@code null} for unlabelled data; only with {@code images}
 * @param limit     use only the first {@code limit} examples (quick tests), or {@code null} for all
 * @param download  fetch a missing named data set from its official source into {@code ~/.gan/datasets}
 * @param conditions what the examples carry to condition on: {@code classes} (labels, the default), or for
 *                  {@code fashion-mnist} {@code tags} or {@code captions} derived per example
 *                  ({@link FashionMnistConditions})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdxDataSpec(String dataset, String split, String directory, String images, String labels,
                          int batchSize, Integer limit, boolean download, DataConditions conditions) implements DataSpec {
    public static final String DEFAULT_DATASET = KnownDataset.FASHION_MNIST.id();
    public static final String DEFAULT_SPLIT = Split.TRAIN.id();
    public static final int DEFAULT_BATCH_SIZE = 64;

    public IdxDataSpec {
        Checks.positive("batchSize", batchSize, DEFAULT_BATCH_SIZE);
        if (limit != null) {
            Checks.positive("limit", limit, 0);
        }
        Checks.nonBlank("directory", directory);
        Checks.nonBlank("images", images);
        Checks.nonBlank("labels", labels);
        if (images == null) {
            if (labels != null) {
                throw new InvalidValueException("labels", "needs images: give both files, or neither and name a dataset");
            }
            dataset = dataset == null ? DEFAULT_DATASET : dataset;
            if (KnownDataset.byId(dataset) == null) {
                throw new InvalidValueException("dataset", "unknown dataset '" + dataset + "'; known datasets: "
                        + KnownDataset.ids());
            }
            split = split == null ? DEFAULT_SPLIT : split;
            if (Split.byId(split) == null) {
                throw new InvalidValueException("split", "must be \"train\" or \"test\", found '" + split + "'");
            }
        } else {
            String explicit = "cannot be combined with images: explicit files replace the lookup by dataset name";
            if (dataset != null) {
                throw new InvalidValueException("dataset", explicit);
            }
            if (split != null) {
                throw new InvalidValueException("split", explicit);
            }
            if (directory != null) {
                throw new InvalidValueException("directory", explicit);
            }
            if (download) {
                throw new InvalidValueException("download", "cannot be combined with images: only named datasets can be downloaded");
            }
        }
        conditions = conditions == null ? DataConditions.CLASSES : conditions;
        if (conditions != DataConditions.CLASSES && !KnownDataset.FASHION_MNIST.id().equals(dataset)) {
            throw new InvalidValueException("conditions", "'" + conditions.id() + "' are derived for the fashion-mnist dataset only, "
                    + (images != null ? "not for explicit image files" : "not for '" + dataset + "'")
                    + "; use \"classes\" here");
        }
    }

    public IdxDataSpec(String dataset, String split, String directory, String images, String labels, int batchSize,
                       Integer limit, boolean download) {
        this(dataset, split, directory, images, labels, batchSize, limit, download, null);
    }

    /** The JSON creator: {@code null} means the default. */
    @JsonCreator
    public static IdxDataSpec of(@JsonProperty("dataset") String dataset, @JsonProperty("split") String split,
                                 @JsonProperty("directory") String directory, @JsonProperty("images") String images,
                                 @JsonProperty("labels") String labels, @JsonProperty("batchSize") Integer batchSize,
                                 @JsonProperty("limit") Integer limit, @JsonProperty("download") Boolean download,
                                 @JsonProperty("conditions") DataConditions conditions) {
        return new IdxDataSpec(dataset, split, directory, images, labels,
                Checks.positive("batchSize", batchSize, DEFAULT_BATCH_SIZE), limit, download != null && download, conditions);
    }

    /** {@link #of(String, String, String, String, String, Integer, Integer, Boolean, DataConditions)} with class labels. */
    public static IdxDataSpec of(String dataset, String split, String directory, String images, String labels, Integer batchSize,
                                 Integer limit, Boolean download) {
        return of(dataset, split, directory, images, labels, batchSize, limit, download, null);
    }

    /** A named data set with every other field at its default. */
    public static IdxDataSpec named(String dataset, Split split) {
        return of(dataset, split.id(), null, null, null, null, null, null, null);
    }

    @Override
    public DataSource open(DataContext context) throws IOException {
        return open(new DatasetLocator(context), DatasetDownloader::official, System.err);
    }

    /** {@link #open(DataContext)} with the folders and the download source replaceable by tests. */
    IdxDataSource open(DatasetLocator locator, Function<KnownDataset, DatasetDownloader> downloaders, PrintStream log)
            throws IOException {
        int max = limit == null ? Integer.MAX_VALUE : limit;
        if (images != null) {
            Path imagesFile = locator.expand(images);
            Path labelsFile = labels == null ? null : locator.expand(labels);
            requireFile(imagesFile, "images");
            if (labelsFile != null) {
                requireFile(labelsFile, "labels");
            }
            return IdxDataSource.read(new IdxFiles(imagesFile, labelsFile), max, imagesFile.getFileName().toString());
        }
        KnownDataset known = KnownDataset.byId(dataset);
        Split part = Split.byId(split);
        Path configured = directory == null ? null : locator.expand(directory);
        IdxFiles files = locator.find(known.id(), part, configured).orElse(null);
        if (files == null && download) {
            Path target = locator.downloadDir(known.id());
            downloaders.apply(known).fetch(part.gzipFiles(), target, log);
            files = DatasetLocator.inFolder(target, part)
                    .orElseThrow(() -> new IOException("downloaded " + known.id() + " into " + target + " but its files are not there"));
        }
        if (files == null) {
            throw locator.notFound(known, part, configured);
        }
        return IdxDataSource.read(files, max, known.id() + " " + part.id(), known.classNames(), conditions);
    }

    private static void requireFile(Path file, String field) throws DatasetNotFoundException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetNotFoundException(field + " file not found: " + file.toAbsolutePath());
        }
    }
}
