package dev.gan4j.datasets.folder;

import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.io.Sha256;
import dev.gan4j.datasets.DatasetLocator;
import dev.gan4j.datasets.DatasetNotFoundException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Finds an image folder, makes sure its prepared archive is current and opens it: the first use of a folder, or any
 * use after a picture was added, removed or modified, prepares it (with a progress bar); later uses only walk the
 * folder to compare sizes and modification times with the archive's manifest, then map it.
 *
 * <p>Archives go to the folder's {@code .gan-cache/} when the folder is writable, else to
 * {@code ~/.gan/cache/<folder name>-<digest of its path>/}, or wherever {@code cache} says.
 */
public final class ImageFolderPreparer {
    static final String CACHE_FOLDER = ".gan-cache";
    /** The data set rendered by {@code tools/avatars}, whose absence calls for instructions to make it. */
    public static final String AVATARS = "avatars";

    private final DatasetLocator locator;
    private final DataContext context;

    /**
     * @param locator where named folders are looked up
     * @param context the home whose {@code ~/.gan/cache} takes the archives of read-only folders
     */
    public ImageFolderPreparer(DatasetLocator locator, DataContext context) {
        this.locator = requireNonNull(locator, "locator is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** The folder a spec names: its {@code directory}, or the first folder of its {@code dataset}'s search path. */
    public Path folder(ImageFolderSpec spec) throws DatasetNotFoundException {
        Path configured = spec.directory() == null ? null : locator.expand(spec.directory());
        if (spec.dataset() == null) {
            if (!Files.isDirectory(configured)) {
                throw new DatasetNotFoundException("directory " + configured.toAbsolutePath() + (Files.exists(configured)
                        ? " is not a folder" : " does not exist") + ": give the folder that holds your pictures");
            }
            return configured;
        }
        List<DatasetLocator.Place> places = locator.searchPath(spec.dataset(), configured);
        for (DatasetLocator.Place place : places) {
            if (place.folder() != null && Files.isDirectory(place.folder())) {
                return place.folder();
            }
        }
        StringBuilder message = new StringBuilder("the image folder '").append(spec.dataset()).append("' was not found. Looked in:");
        int n = 1;
        for (DatasetLocator.Place place : places) {
            message.append("\n  ").append(n++).append(". ").append(place.folder() == null ? place.origin()
                    : place.folder().toAbsolutePath() + " (" + place.origin() + "): no such folder");
        }
        if (AVATARS.equals(spec.dataset())) {
            message.append("\nMake the avatar set (about a minute for 30,000 pictures; needs Node.js and npm, on Debian: sudo apt-get"
                    + " install nodejs npm):\n  ./gan data avatars 30000\nor tools/avatars/make.sh 30000 [FOLDER] from a checkout;"
                    + " it writes ").append(locator.downloadDir(AVATARS).toAbsolutePath()).append(" by default.");
        } else {
            message.append("\nPut the pictures in one of these folders, or name the folder itself with data.directory"
                    + " (and no dataset).");
        }
        throw new DatasetNotFoundException(message.toString());
    }

    /** Opens the source a spec describes, preparing its folder first when needed; progress and notes go to {@code log}. */
    public DataSource open(ImageFolderSpec spec, PrintStream log) throws IOException {
        return openSource(spec, log);
    }

    ImageFolderSource openSource(ImageFolderSpec spec, PrintStream log) throws IOException {
        Path root = folder(spec);
        FolderScan scan = FolderScan.of(root);
        ImageArchive archive = current(spec, root, scan, log, false);
        Set<String> skipped = new HashSet<>();
        archive.header().skipped().forEach(s -> skipped.add(s.path()));
        if (!skipped.isEmpty() && (!spec.skipBad() || archive.count() == 0)) {
            throw new ArchivePreparer.BadImagesException(root, archive.header().skipped());
        }
        Path captionFolder = spec.captionFolder() == null ? null : root.resolve(locator.expand(spec.captionFolder()));
        ExampleConditions conditions = ExampleConditions.read(root, archive.paths(), skipped, spec.conditions(),
                spec.vocabulary(), spec.tagGroups(), captionFolder);
        List<String> paths = archive.paths();
        int[] selection = new int[paths.size()];
        int n = 0;
        for (int i = 0; i < paths.size(); i++) {
            if (spec.split().contains(paths.get(i), spec.testFraction() == null ? 0 : spec.testFraction())) {
                selection[n++] = i;
            }
        }
        String what = String.format(Locale.ROOT, "%,d pictures", paths.size());
        if (spec.split() != FolderSplit.ALL) {
            what = String.format(Locale.ROOT, "split %s (%,d of %,d pictures, test fraction %s)", spec.split().id(), n,
                    paths.size(), spec.testFraction());
        }
        if (n == 0) {
            throw new IOException(root + " has no picture in its " + spec.split().id() + " split (" + paths.size()
                    + " pictures, test fraction " + spec.testFraction() + ")");
        }
        if (spec.limit() != null && spec.limit() < n) {
            what += String.format(Locale.ROOT, ", first %,d", spec.limit());
            n = spec.limit();
        }
        if (!skipped.isEmpty()) {
            what += ", " + skipped.size() + " unreadable left out";
        }
        return new ImageFolderSource(root, archive, conditions, Arrays.copyOf(selection, n), spec.mirror(), what);
    }

    /**
     * Makes sure the archive of {@code spec}'s folder is current, preparing it when needed or {@code force}d.
     *
     * @return the archive's path
     */
    public Path prepare(ImageFolderSpec spec, boolean force, PrintStream log) throws IOException {
        Path root = folder(spec);
        ImageArchive archive = current(spec, root, FolderScan.of(root), log, force);
        if (!archive.header().skipped().isEmpty() && (!spec.skipBad() || archive.count() == 0)) {
            throw new ArchivePreparer.BadImagesException(root, archive.header().skipped());
        }
        return archive.file();
    }

    /**
     * The archive of {@code spec}'s folder, prepared now when it is missing, damaged, stale or {@code force}d.
     *
     * @return the archive, current
     */
    ImageArchive current(ImageFolderSpec spec, Path root, FolderScan scan, PrintStream log, boolean force) throws IOException {
        if (scan.images().isEmpty()) {
            throw new IOException("no pictures (" + String.join(", ", new TreeSet<>(FolderScan.IMAGE_EXTENSIONS))
                    + ") in " + root.toAbsolutePath() + " or its sub-folders");
        }
        Preparation preparation = spec.preparation();
        Path cacheDir = cacheFolder(spec, root);
        AtomicFiles.deleteAbandoned(cacheDir);
        Path file = cacheDir.resolve(preparation.fileName());
        String reason = "first use at " + preparation.width() + "x" + preparation.height() + "x" + preparation.channels();
        if (Files.isRegularFile(file) && !force) {
            try {
                ImageArchive archive = ImageArchive.open(file);
                if (archive.preparation().equals(preparation) && archive.header().imagesFingerprint().equals(scan.fingerprint())) {
                    return archive;
                }
                reason = "the folder changed since it was prepared (" + changes(archive.manifest(), scan.images()) + ")";
            } catch (ImageArchive.DamagedArchiveException e) {
                reason = e.getMessage();
            }
        } else if (force) {
            reason = "asked to";
        }
        log.printf(Locale.ROOT, "preparing %s: %,d pictures to %dx%dx%d (%s) into %s%n", root.toAbsolutePath(), scan.images().size(),
                preparation.width(), preparation.height(), preparation.channels(), reason, file);
        long start = System.nanoTime();
        Progress progress = log == System.err ? Progress.onConsole("preparing", scan.images().size())
                : new Progress(log, "preparing", scan.images().size(), false);
        ImageArchive archive = ArchivePreparer.prepare(scan, preparation, spec.skipBad(), file, progress);
        log.printf(Locale.ROOT, "prepared %,d pictures in %.1f s (%,.0f MB)%s%n", archive.count(), (System.nanoTime() - start) / 1e9,
                Files.size(file) / 1e6, archive.header().skipped().isEmpty() ? ""
                        : "; left out as unreadable: " + archive.header().skipped().size());
        archive.header().skipped().stream().limit(20).forEach(s -> log.println("  skipped " + s.path() + ": " + s.reason()));
        return archive;
    }

    /**
     * Where the archives of {@code root} go. A folder of the user's (an explicit {@code cache}, or {@code ~/.gan/cache})
     * may serve several image folders, so each gets a sub-folder named after it and a digest of its absolute path.
     */
    Path cacheFolder(ImageFolderSpec spec, Path root) throws IOException {
        if (spec.cache() != null) {
            Path cache = locator.expand(spec.cache()).resolve(ownFolderName(root));
            Files.createDirectories(cache);
            return cache;
        }
        Path local = root.resolve(CACHE_FOLDER);
        try {
            Files.createDirectories(local);
            if (Files.isWritable(local)) {
                return local;
            }
        } catch (IOException e) {
            // A read-only folder (a system data set, a mounted share): the user's cache takes the archive.
        }
        Path user = context.home().resolve(".gan").resolve("cache").resolve(ownFolderName(root));
        Files.createDirectories(user);
        return user;
    }

    /** {@code <folder name>-<12 hex digits of its absolute path's SHA-256>}. */
    private static String ownFolderName(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        MessageDigest digest = Sha256.newDigest();
        digest.update(absolute.toString().getBytes(StandardCharsets.UTF_8));
        Path name = absolute.getFileName();
        return (name == null ? "root" : name.toString()) + "-" + Sha256.hex(digest).substring(0, 12);
    }

    /** What differs between an archive's manifest and the folder now: counts of added, removed and modified pictures. */
    static String changes(List<FolderScan.Entry> before, List<FolderScan.Entry> now) {
        Map<String, FolderScan.Entry> old = new HashMap<>();
        before.forEach(e -> old.put(e.path(), e));
        int added = 0;
        int modified = 0;
        List<String> examples = new ArrayList<>();
        for (FolderScan.Entry entry : now) {
            FolderScan.Entry previous = old.remove(entry.path());
            if (previous == null) {
                added++;
                if (examples.size() < 3) {
                    examples.add("+" + entry.path());
                }
            } else if (previous.size() != entry.size() || previous.modified() != entry.modified()) {
                modified++;
                if (examples.size() < 3) {
                    examples.add("~" + entry.path());
                }
            }
        }
        int removed = old.size();
        old.keySet().stream().sorted().limit(Math.max(0, 3 - examples.size())).forEach(p -> examples.add("-" + p));
        return added + " added, " + removed + " removed, " + modified + " modified"
                + (examples.isEmpty() ? "" : ": " + String.join(" ", examples));
    }
}
