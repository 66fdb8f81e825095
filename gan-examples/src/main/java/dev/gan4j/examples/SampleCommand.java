package dev.gan4j.examples;

import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.io.NpyWriter;
import dev.gan4j.core.io.ScatterPlot;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.Checkpoint;
import dev.gan4j.core.train.SampleGridListener;
import dev.gan4j.core.train.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate samples from a run's latest checkpoint (or a given checkpoint) into an NPY file.")
final class SampleCommand implements Callable<Integer> {
    private static final int CHUNK = 500;
    private static final int GRID_PER_CLASS = 8;

    @Parameters(index = "0", paramLabel = "RUN_DIR_OR_CHECKPOINT")
    Path source;

    @Option(names = "--n", paramLabel = "N", description = "number of samples (default: 10000, or one per line of --tags-file)")
    Integer n;

    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "float32 [N, C, H, W] in [-1, 1]")
    Path out;

    @Option(names = "--grid", paramLabel = "FILE.png", description = "also write a grid: for conditional models told no single wish, "
            + "a row per class or per typical tag set or caption of the data; otherwise the first 64 samples (a scatter plot of the "
            + "first chunk for 2-D data)")
    Path grid;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the latent draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--label", paramLabel = "CLASS", description = "class-conditional models: generate this class only (name or index)")
    String label;

    @Option(names = "--labels", paramLabel = "balanced|C1,C2,...", description = "class-conditional models: 'balanced' (the default: "
            + "every class equally often, cycling) or a list of classes to cycle through")
    String labels;

    @Option(names = "--labels-out", paramLabel = "FILE.npy", description = "also write the class of each sample, int32 [N]")
    Path labelsOut;

    @Option(names = "--tags", paramLabel = "\"a,b\"", description = "tag-conditional models: the tags every sample should show")
    String tags;

    @Option(names = "--tags-file", paramLabel = "WISHES.txt", description = "tag-conditional models: one sample per line of the "
            + "file, each line the tags (comma-separated) that sample should show, in order")
    Path tagsFile;

    @Option(names = "--random-tags", description = "tag-conditional models: each sample a random valid tag set (one tag of each group "
            + "of the data's tag groups, each other tag half the time), drawn from --seed")
    boolean randomTags;

    @Option(names = "--tags-out", paramLabel = "FILE.txt", description = "also write the tag set of each sample, one line each "
            + "(the input of --tags-file)")
    Path tagsOut;

    @Option(names = "--text", paramLabel = "\"...\"", description = "text-conditional models: the description every sample should match")
    String text;

    @Option(names = "--interpolate", paramLabel = "latent|GROUP|TAG", description = "write a grid (--grid) of the two views of "
            + "MakeGirlsMoe instead: 'latent' walks from one random z to another on each row, the wish (--tags) fixed; a tag group "
            + "(\"hair colour\") or a tag keeps z on each row and changes that tag of the wish from column to column")
    String interpolate;

    @Option(names = "--raw-weights", description = "sample with the generator's own weights even when the run keeps a moving average (training.ema)")
    boolean rawWeights;

    @Mixin
    NativeThreads nativeThreads = new NativeThreads();

    /** The conditions of the samples {@code [start, start + count)}, and the wishes behind them where they are tag sets. */
    private interface ConditionChoice {
        Conditions conditions(int start, int count);

        /** The wish of each sample in {@code [start, start + count)}; {@code null} where the choice is not by wishes. */
        default List<String> wishes(int start, int count) {
            return null;
        }
    }

    /** Conditions from one wish per sample, cycling through {@code wishes}. */
    private record Wishes(Encoder encoder, List<String> all) implements ConditionChoice {
        @Override
        public Conditions conditions(int start, int count) {
            return encoder.parse(wishes(start, count));
        }

        @Override
        public List<String> wishes(int start, int count) {
            List<String> chosen = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                chosen.add(all.get((start + i) % all.size()));
            }
            return chosen;
        }
    }

    /** @param fileWishes the lines of --tags-file, or {@code null} without one */
    private ConditionChoice choose(Generator generator, Encoder encoder, int samples, List<String> fileWishes) {
        boolean byTags = tags != null || tagsFile != null || randomTags;
        int given = (label != null ? 1 : 0) + (labels != null ? 1 : 0) + (tags != null ? 1 : 0) + (tagsFile != null ? 1 : 0)
                + (randomTags ? 1 : 0) + (text != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give at most one of --label, --labels, --tags, --tags-file, --random-tags and --text");
        }
        if (generator.conditionDim() == 0) {
            if (given > 0 || labelsOut != null || tagsOut != null) {
                throw new UsageException("this model is unconditional: it takes no --label, --labels, --labels-out, --tags, --tags-file, "
                        + "--random-tags, --tags-out or --text");
            }
            return (start, size) -> null;
        }
        if (tagsOut != null && !byTags) {
            throw new UsageException("--tags-out writes the tag sets of --tags, --tags-file or --random-tags; give one of them");
        }
        int classes = encoder.schema().classes().size();
        if ((label != null || labels != null || labelsOut != null) && classes == 0) {
            throw new UsageException("--label, --labels and --labels-out need a class-conditional model; this one is conditioned on "
                    + (encoder.schema().texts() ? "texts (--text)" : "tags (--tags)"));
        }
        if (byTags && encoder.schema().tags().isEmpty() || text != null && !encoder.schema().texts()) {
            throw new UsageException((byTags ? "--tags, --tags-file and --random-tags need a tag-conditional model"
                    : "--text needs a text-conditional model")
                    + "; this one is conditioned on " + (classes > 0 ? "classes (--label, --labels)"
                    : encoder.schema().texts() ? "texts (--text)" : "tags (--tags)"));
        }
        if (label != null) {
            int index = parsed(encoder, List.of(label), "--label").labelIndices()[0];
            return (start, count) -> Conditions.ofLabels(java.util.Collections.nCopies(count, index).stream().mapToInt(i -> i).toArray());
        }
        if (labels != null && !labels.equals("balanced")) {
            int[] cycle = parsed(encoder, List.of(labels.split(",")), "--labels").labelIndices();
            return (start, count) -> {
                int[] chosen = new int[count];
                for (int i = 0; i < count; i++) {
                    chosen[i] = cycle[(start + i) % cycle.length];
                }
                return Conditions.ofLabels(chosen);
            };
        }
        if (tags != null) {
            parsed(encoder, List.of(tags), "--tags");
            return new Wishes(encoder, List.of(tags));
        }
        if (fileWishes != null) {
            List<String> lines = fileWishes;
            for (int i = 0; i < lines.size(); i++) {
                parsed(encoder, List.of(lines.get(i)), "--tags-file " + tagsFile + " line " + (i + 1));
            }
            return new Wishes(encoder, lines);
        }
        if (randomTags) {
            return new Wishes(encoder, Sampling.randomWishes(encoder.schema(), seed, 0, samples));
        }
        if (text != null) {
            parsed(encoder, List.of(text), "--text");
            return (start, size) -> encoder.parse(java.util.Collections.nCopies(size, text));
        }
        return (start, size) -> Sampling.defaults(generator, encoder, start, size);
    }

    /** --interpolate: the samples of one view into --out and its grid into --grid. */
    private int interpolated() throws IOException {
        if (grid == null) {
            throw new UsageException("--interpolate draws a grid: give --grid FILE.png");
        }
        if (n != null || label != null || labels != null || labelsOut != null || tagsFile != null || randomTags || tagsOut != null
                || text != null) {
            throw new UsageException("--interpolate takes --tags (the wish), --seed, --out and --grid; the grid sets the number of samples");
        }
        nativeThreads.apply();
        CheckpointModels.Restored restored = CheckpointModels.load(Plugins.registry(), source, null);
        if (!restored.checkpoint().dataShape().isImage()) {
            throw new UsageException("--interpolate draws images; this model generates shape " + restored.checkpoint().dataShape());
        }
        Generator generator = rawWeights ? restored.model().generator() : restored.model().samplingGenerator();
        Encoder encoder = restored.model().encoder();
        String wish = tags;
        if (generator.conditionDim() > 0 && !encoder.schema().tags().isEmpty()) {
            if (wish == null) {
                wish = Sampling.randomWishes(encoder.schema(), seed, 0, 1).get(0);
            }
            parsed(encoder, List.of(wish), "--tags");
        } else if (generator.conditionDim() > 0 || wish != null) {
            throw new UsageException("--interpolate needs an unconditional or a tag-conditional model");
        }
        Interpolation.Grid view;
        if (interpolate.equals("latent")) {
            view = Interpolation.latentWalk(generator.latentDim(), generator.conditionDim() > 0 ? wish : null, seed);
        } else {
            if (generator.conditionDim() == 0) {
                throw new UsageException("--interpolate " + interpolate + " changes a tag, but this model is unconditional; use 'latent'");
            }
            view = Interpolation.tagSweep(encoder.schema(), interpolate, wish, generator.latentDim(), seed);
            view.wishes().forEach(w -> parsed(encoder, List.of(w), "--interpolate " + interpolate));
        }
        INDArray samples = Sampling.generate(generator, encoder, view.latents(), view.wishes() == null ? null : encoder.parse(view.wishes()));
        try (NpyWriter writer = new NpyWriter(out, DataType.FLOAT, restored.checkpoint().dataShape().withBatch(samples.size(0)))) {
            writer.append(samples);
        }
        ImageGrid.write(samples, view.columns(), grid);
        System.out.println("wrote " + samples.size(0) + " samples (" + Interpolation.ROWS + " rows of " + view.columns() + ") to " + out
                + " and grid " + grid + (wish == null ? "" : " for the wish '" + wish + "'"));
        return 0;
    }

    /** The lines of --tags-file, one wish each; {@code null} without the option. */
    private List<String> fileWishes() throws IOException {
        if (tagsFile == null) {
            return null;
        }
        if (!Files.isRegularFile(tagsFile)) {
            throw new UsageException("--tags-file " + tagsFile + " does not exist");
        }
        List<String> lines = Files.readAllLines(tagsFile);
        if (lines.isEmpty()) {
            throw new UsageException("--tags-file " + tagsFile + " is empty: give one line of tags per sample");
        }
        return lines;
    }

    /** The number of samples: --n, else one per line of --tags-file, else 10,000. */
    private int sampleCount(List<String> fileWishes) {
        if (fileWishes != null) {
            if (n != null && n != fileWishes.size()) {
                throw new UsageException("--n " + n + " and --tags-file " + tagsFile + " (" + fileWishes.size() + " lines) disagree: a "
                        + "tags file gives one sample per line; leave out --n");
            }
            return fileWishes.size();
        }
        int count = n == null ? 10_000 : n;
        if (count <= 0) {
            throw new UsageException("--n must be > 0, found " + count);
        }
        return count;
    }

    /**
     * The wishes parsed once, so that one the model cannot read (an unknown class or tag, a text without a known
     * word: the encoders' parse refuses them) is a usage error of {@code option}, before anything is generated.
     */
    private static Conditions parsed(Encoder encoder, List<String> wishes, String option) {
        try {
            return encoder.parse(wishes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (interpolate != null) {
            return interpolated();
        }
        List<String> fileWishes = fileWishes();
        int n = sampleCount(fileWishes);
        nativeThreads.apply();
        CheckpointModels.Restored restored = CheckpointModels.load(Plugins.registry(), source, null);
        Checkpoint checkpoint = restored.checkpoint();
        Path directory = checkpoint.directory();
        GanModel model = restored.model();
        Generator generator = rawWeights ? model.generator() : model.samplingGenerator();
        Encoder encoder = model.encoder();
        ConditionChoice choice = choose(generator, encoder, n, fileWishes);
        if (grid != null && !checkpoint.dataShape().isImage() && checkpoint.dataShape().size() != 2) {
            throw new UsageException("--grid needs images or 2-D points; this model generates shape " + checkpoint.dataShape());
        }
        INDArray first = null;
        try (NpyWriter writer = new NpyWriter(out, DataType.FLOAT, checkpoint.dataShape().withBatch(n));
             NpyWriter labelWriter = labelsOut == null ? null : new NpyWriter(labelsOut, DataType.INT, n);
             BufferedWriter tagWriter = tagsOut == null ? null : Files.newBufferedWriter(tagsOut)) {
            NormalSampler latents = new NormalSampler(seed);
            for (int done = 0; done < n; done += CHUNK) {
                int count = Math.min(CHUNK, n - done);
                Conditions conditions = choice.conditions(done, count);
                INDArray samples = Sampling.generate(generator, encoder, latents.next(DataType.FLOAT, count, generator.latentDim()),
                        conditions);
                writer.append(samples);
                if (labelWriter != null) {
                    labelWriter.append(conditions.labels());
                }
                if (tagWriter != null) {
                    for (String wish : choice.wishes(done, count)) {
                        tagWriter.write(wish);
                        tagWriter.newLine();
                    }
                }
                if (first == null) {
                    first = samples.dup();
                }
            }
        }
        System.out.println("wrote " + n + " samples of shape " + checkpoint.dataShape() + " from " + directory + " to " + out);
        if (grid != null) {
            List<String> rows = generator.conditionDim() > 0 ? Sampling.gridRows(encoder.schema()) : List.of();
            boolean oneWish = label != null || labels != null && !labels.equals("balanced") || tags != null || tagsFile != null
                    || randomTags || text != null;
            if (checkpoint.dataShape().isImage() && !rows.isEmpty() && !oneWish) {
                INDArray shown = Sampling.generate(generator, encoder,
                        new NormalSampler(seed).next(DataType.FLOAT, rows.size() * GRID_PER_CLASS, generator.latentDim()),
                        Sampling.gridConditions(encoder, rows, GRID_PER_CLASS));
                ImageGrid.write(shown, GRID_PER_CLASS, grid);
            } else if (checkpoint.dataShape().isImage()) {
                INDArray shown = first.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, Math.min(64, first.size(0))));
                ImageGrid.write(shown, SampleGridListener.columns((int) shown.size(0)), grid);
            } else {
                ScatterPlot.write(first, grid);
            }
            System.out.println("wrote grid " + grid);
        }
        return 0;
    }
}
