package dev.gan4j.datasets;

import dev.gan4j.core.config.DataContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Finds the files of a named data set. The folders are searched in a fixed order, each named after
 * the data set: the configured {@code directory}, {@code $GAN_DATA_DIR/<name>},
 * {@code ~/.gan/datasets/<name>} (where downloads go) and {@code /usr/share/datasets/<name>}, where
 * Debian's {@code dataset-fashion-mnist} package installs its files.
 */
public final class DatasetLocator {
    public static final String DATA_DIR_VARIABLE = "GAN_DATA_DIR";
    public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

    private final DataContext context;
    private final Path systemRoot;

    public DatasetLocator(DataContext context) {
        this(context, SYSTEM_ROOT);
    }

    /** With another system folder, so tests do not depend on what this machine has installed. */
    DatasetLocator(DataContext context, Path systemRoot) {
        this.context = requireNonNull(context, "context is null");
        this.systemRoot = requireNonNull(systemRoot, "systemRoot is null");
    }

    /**
     * One folder searched.
     *
     * @param folder {@code null} when the place is not configured (an unset variable)
     * @param origin why the folder is searched, for messages
     */
    public record Place(Path folder, String origin) {
        public Place {
            requireNonNull(origin, "origin is null");
        }
    }

    /** The folders searched for {@code dataset}, in order; {@code configured} comes first when not {@code null}. */
    public List<Place> searchPath(String dataset, Path configured) {
        requireNonNull(dataset, "dataset is null");
        List<Place> places = new ArrayList<>();
        if (configured != null) {
            places.add(new Place(configured, "data.directory"));
        }
        String dataDir = context.environment().get(DATA_DIR_VARIABLE);
        places.add(dataDir == null || dataDir.isBlank()
                ? new Place(null, "$" + DATA_DIR_VARIABLE + "/" + dataset + ": " + DATA_DIR_VARIABLE + " is not set")
                : new Place(expand(dataDir).resolve(dataset), "$" + DATA_DIR_VARIABLE));
        places.add(new Place(downloadDir(dataset), "user folder, where downloads go"));
        places.add(new Place(systemRoot.resolve(dataset), "system folder"));
        return places;
    }

    /** The first folder of the search path holding both files of {@code split}. */
    public Optional<IdxFiles> find(String dataset, Split split, Path configured) {
        for (Place place : searchPath(dataset, configured)) {
            if (place.folder() != null) {
                Optional<IdxFiles> files = inFolder(place.folder(), split);
                if (files.isPresent()) {
                    return files;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ~/.gan/datasets/<dataset>}, where downloads are stored. */
    public Path downloadDir(String dataset) {
        return context.home().resolve(".gan").resolve("datasets").resolve(dataset);
    }

    /** {@code path} as a {@link Path}, with a leading {@code ~} meaning the home of the context. */
    public Path expand(String path) {
        requireNonNull(path, "path is null");
        if (path.equals("~")) {
            return context.home();
        }
        if (path.startsWith("~/")) {
            return context.home().resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** Both files of {@code split} in {@code folder}, each gzipped or not (gzipped preferred). */
    public static Optional<IdxFiles> inFolder(Path folder, Split split) {
        Path images = pick(folder, split.imagesFile());
        Path labels = pick(folder, split.labelsFile());
        return images != null && labels != null ? Optional.of(new IdxFiles(images, labels)) : Optional.empty();
    }

    /** The error for a data set found nowhere: every place searched, what each lacked, and how to get the data. */
    DatasetNotFoundException notFound(KnownDataset dataset, Split split, Path configured) {
        String id = dataset.id();
        StringBuilder message = new StringBuilder()
                .append(dataset.title()).append(" (dataset '").append(id).append("', split '").append(split.id())
                .append("') was not found. Looked for ").append(split.imagesFile()).append("[.gz] and ")
                .append(split.labelsFile()).append("[.gz] in:");
        int n = 1;
        for (Place place : searchPath(id, configured)) {
            message.append("\n  ").append(n++).append(". ");
            if (place.folder() == null) {
                message.append(place.origin());
            } else {
                message.append(place.folder().toAbsolutePath()).append(" (").append(place.origin()).append("): ")
                        .append(whatIsMissing(place.folder(), split));
            }
        }
        message.append("\nGet the data in one of these ways:");
        dataset.debianPackage().ifPresent(pkg -> message.append("\n  - install the Debian/Ubuntu package: sudo apt-get install ")
                .append(pkg).append(" (it fills ").append(SYSTEM_ROOT.resolve(id)).append(')'));
        message.append("\n  - place the files (.gz or uncompressed) in $").append(DATA_DIR_VARIABLE).append('/').append(id)
                .append(" or in ").append(downloadDir(id).toAbsolutePath());
        message.append("\n  - download them from ").append(dataset.officialBase()).append(": set data.download=true")
                .append(" (\"download\": true in the data section, or --set data.download=true) or run ./gan download ")
                .append(id);
        return new DatasetNotFoundException(message.toString());
    }

    private static String whatIsMissing(Path folder, Split split) {
        if (!Files.isDirectory(folder)) {
            return "no such folder";
        }
        List<String> missing = new ArrayList<>();
        if (pick(folder, split.imagesFile()) == null) {
            missing.add(split.imagesFile() + "[.gz]");
        }
        if (pick(folder, split.labelsFile()) == null) {
            missing.add(split.labelsFile() + "[.gz]");
        }
        return "lacks " + String.join(" and ", missing);
    }

    private static Path pick(Path folder, String baseName) {
        Path gzipped = folder.resolve(baseName + ".gz");
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        Path raw = folder.resolve(baseName);
        return Files.isRegularFile(raw) ? raw : null;
    }
}
