package dev.gan4j.datasets.folder;

import dev.gan4j.core.api.DataSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * What {@code gan data info} says of an image folder: its pictures and their archive, then for each kind of condition
 * the folder offers (or the one its spec asks for), class or tag frequencies and caption examples; and a preview of its
 * examples for a grid.
 */
public final class ImageFolderReport {
    private static final int TOP_TAGS = 30;
    private static final int CAPTION_EXAMPLES = 6;

    private final ImageFolderPreparer preparer;

    /** @param preparer finds and prepares the folders reported on */
    public ImageFolderReport(ImageFolderPreparer preparer) {
        this.preparer = requireNonNull(preparer, "preparer is null");
    }

    /** The kinds of condition a folder's files offer: sub-folders or labels.csv, tags.csv, captions.csv or .txt files. */
    public static Set<FolderConditions> offered(Path root, List<String> paths) {
        Set<FolderConditions> kinds = EnumSet.noneOf(FolderConditions.class);
        if (Files.isRegularFile(root.resolve(ExampleConditions.LABELS_FILE))
                || !paths.isEmpty() && paths.stream().allMatch(p -> p.indexOf('/') > 0)
                && paths.stream().map(p -> p.substring(0, p.indexOf('/'))).distinct().count() > 1) {
            kinds.add(FolderConditions.CLASSES);
        }
        if (Files.isRegularFile(root.resolve(ExampleConditions.TAGS_FILE))) {
            kinds.add(FolderConditions.TAGS);
        }
        if (Files.isRegularFile(root.resolve(ExampleConditions.CAPTIONS_FILE)) || !paths.isEmpty()
                && Files.isRegularFile(root.resolve(paths.get(0).substring(0, paths.get(0).lastIndexOf('.')) + ".txt"))) {
            kinds.add(FolderConditions.CAPTIONS);
        }
        return kinds;
    }

    /**
     * Prepares the folder when needed (saying so on {@code log}) and writes the report to {@code out}: every kind of
     * condition the folder's files offer, whichever the spec uses. A file that the spec does not use and cannot be read
     * is reported as unusable, with why.
     *
     * @return the source as the spec describes it, for a preview
     */
    public DataSource report(ImageFolderSpec spec, PrintStream log, PrintStream out) throws IOException {
        ImageFolderSource source = preparer.openSource(spec, log);
        ImageArchive archive = source.archive();
        Preparation preparation = archive.preparation();
        Path root = preparer.folder(spec);
        out.printf(Locale.ROOT, "folder:      %s%n", root.toAbsolutePath());
        out.printf(Locale.ROOT, "pictures:    %,d read, %,d left out as unreadable%n", archive.count(), archive.header().skipped().size());
        archive.header().skipped().stream().limit(10).forEach(s -> out.println("             " + s.path() + ": " + s.reason()));
        out.printf(Locale.ROOT, "examples:    %,d (%s)%n", source.size(), source.description());
        out.printf(Locale.ROOT, "resolution:  %dx%d, %s, %s, %s filter, background #%s%n", preparation.width(), preparation.height(),
                preparation.channels() == 3 ? "RGB" : "grey", preparation.transform().id(), preparation.filter().id(),
                preparation.background());
        out.printf(Locale.ROOT, "archive:     %s (%,.1f MB)%n", archive.file(), Files.size(archive.file()) / 1e6);
        Set<FolderConditions> kinds = EnumSet.noneOf(FolderConditions.class);
        if (spec.conditions() != FolderConditions.NONE) {
            kinds.add(spec.conditions());
        }
        kinds.addAll(offered(root, archive.paths()));
        out.printf(Locale.ROOT, "conditions:  %s; the folder offers %s%n", spec.conditions() == FolderConditions.NONE
                ? "none used" : spec.conditions().id() + " used", kinds.isEmpty() ? "none (no labels.csv, tags.csv, captions.csv,"
                + " .txt captions or class sub-folders)" : kinds.stream().map(FolderConditions::id).toList());
        Set<String> skipped = new HashSet<>();
        archive.header().skipped().forEach(s -> skipped.add(s.path()));
        int[] selection = source.selection();
        for (FolderConditions kind : kinds) {
            if (kind == spec.conditions()) {
                describe(source.conditions(), selection, out);
                continue;
            }
            try {
                describe(ExampleConditions.read(root, archive.paths(), skipped, kind, null, null,
                        spec.captionFolder() == null ? null : root.resolve(spec.captionFolder())), selection, out);
            } catch (IOException e) {
                out.printf(Locale.ROOT, "%-12s unusable: %s%n", kind.id() + ":", e.getMessage());
            }
        }
        return source;
    }

    private static void describe(ExampleConditions conditions, int[] examples, PrintStream out) {
        switch (conditions.kind()) {
            case NONE -> {
            }
            case CLASSES -> {
                int[] counts = new int[conditions.names().size()];
                for (int example : examples) {
                    counts[conditions.label(example)]++;
                }
                out.printf(Locale.ROOT, "classes:     %d from %s%n", counts.length, conditions.source());
                for (int c = 0; c < counts.length; c++) {
                    out.printf(Locale.ROOT, "  %7d  %s%n", counts[c], conditions.names().get(c));
                }
            }
            case TAGS -> {
                int[] counts = new int[conditions.names().size()];
                int tagged = 0;
                long total = 0;
                for (int example : examples) {
                    int[] tags = conditions.tags(example);
                    tagged += tags.length > 0 ? 1 : 0;
                    total += tags.length;
                    for (int tag : tags) {
                        counts[tag]++;
                    }
                }
                out.printf(Locale.ROOT, "tags:        %d from %s; %.2f per picture, %,d pictures without any%n", counts.length,
                        conditions.source(), total / (double) Math.max(1, examples.length), examples.length - tagged);
                IntStream.range(0, counts.length).boxed().sorted((a, b) -> counts[b] - counts[a] != 0 ? counts[b] - counts[a] : a - b)
                        .limit(TOP_TAGS).forEach(t -> out.printf(Locale.ROOT, "  %7d  %5.1f%%  %s%n", counts[t],
                                100.0 * counts[t] / Math.max(1, examples.length), conditions.names().get(t)));
                if (counts.length > TOP_TAGS) {
                    out.printf(Locale.ROOT, "  ... and %d rarer tags%n", counts.length - TOP_TAGS);
                }
            }
            case CAPTIONS -> {
                long total = 0;
                Map<Integer, Integer> perPicture = new TreeMap<>();
                for (int example : examples) {
                    int count = conditions.captionCount(example);
                    total += count;
                    perPicture.merge(count, 1, Integer::sum);
                }
                out.printf(Locale.ROOT, "captions:    %,d from %s; per picture: %s%n", total, conditions.source(), perPicture);
                List<String> shown = new ArrayList<>();
                for (int k = 0; k < CAPTION_EXAMPLES && examples.length > 0; k++) {
                    int example = examples[(int) ((long) k * examples.length / CAPTION_EXAMPLES)];
                    shown.add(conditions.caption(example, k % conditions.captionCount(example)));
                }
                shown.forEach(c -> out.println("  \"" + c + "\""));
            }
        }
    }

    /** Up to {@code count} examples spread evenly over {@code source}, for a preview grid. */
    public static INDArray preview(DataSource source, int count) {
        int n = Math.min(count, source.size());
        int[] indices = IntStream.range(0, n).map(i -> (int) ((long) i * source.size() / n)).toArray();
        return source.batch(indices).examples();
    }
}
