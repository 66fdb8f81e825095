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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate samples from a run's latest checkpoint (or a given checkpoint) into an NPY file.")
final class SampleCommand implements Callable<Integer> {
    private static final int CHUNK = 500;
    private static final int GRID_PER_CLASS = 8;

    @Parameters(index = "0", paramLabel = "RUN_DIR_OR_CHECKPOINT")
    Path source;

    @Option(names = "--n", defaultValue = "10000", description = "number of samples (default: ${DEFAULT-VALUE})")
    int n;

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

    @Option(names = "--text", paramLabel = "\"...\"", description = "text-conditional models: the description every sample should match")
    String text;

    @Option(names = "--raw-weights", description = "sample with the generator's own weights even when the run keeps a moving average (training.ema)")
    boolean rawWeights;

    @Mixin
    NativeThreads nativeThreads = new NativeThreads();

    /** The conditions of the samples {@code [start, start + count)}. */
    private interface ConditionChoice {
        Conditions conditions(int start, int count);
    }

    private ConditionChoice choose(Generator generator, Encoder encoder) {
        int given = (label != null ? 1 : 0) + (labels != null ? 1 : 0) + (tags != null ? 1 : 0) + (text != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give at most one of --label, --labels, --tags and --text");
        }
        if (generator.conditionDim() == 0) {
            if (given > 0 || labelsOut != null) {
                throw new UsageException("this model is unconditional: it takes no --label, --labels, --labels-out, --tags or --text");
            }
            return (start, count) -> null;
        }
        int classes = encoder.schema().classes().size();
        if ((label != null || labels != null || labelsOut != null) && classes == 0) {
            throw new UsageException("--label, --labels and --labels-out need a class-conditional model; this one is conditioned on "
                    + (encoder.schema().texts() ? "texts (--text)" : "tags (--tags)"));
        }
        if (tags != null && encoder.schema().tags().isEmpty() || text != null && !encoder.schema().texts()) {
            throw new UsageException((tags != null ? "--tags needs a tag-conditional model" : "--text needs a text-conditional model")
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
        if (tags != null || text != null) {
            String wish = tags != null ? tags : text;
            parsed(encoder, List.of(wish), tags != null ? "--tags" : "--text");
            return (start, count) -> encoder.parse(java.util.Collections.nCopies(count, wish));
        }
        return (start, count) -> Sampling.defaults(generator, encoder, start, count);
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
        if (n <= 0) {
            throw new UsageException("--n must be > 0, found " + n);
        }
        nativeThreads.apply();
        CheckpointModels.Restored restored = CheckpointModels.load(Plugins.registry(), source, null);
        Checkpoint checkpoint = restored.checkpoint();
        Path directory = checkpoint.directory();
        GanModel model = restored.model();
        Generator generator = rawWeights ? model.generator() : model.samplingGenerator();
        Encoder encoder = model.encoder();
        ConditionChoice choice = choose(generator, encoder);
        if (grid != null && !checkpoint.dataShape().isImage() && checkpoint.dataShape().size() != 2) {
            throw new UsageException("--grid needs images or 2-D points; this model generates shape " + checkpoint.dataShape());
        }
        INDArray first = null;
        try (NpyWriter writer = new NpyWriter(out, DataType.FLOAT, checkpoint.dataShape().withBatch(n));
             NpyWriter labelWriter = labelsOut == null ? null : new NpyWriter(labelsOut, DataType.INT, n)) {
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
                if (first == null) {
                    first = samples.dup();
                }
            }
        }
        System.out.println("wrote " + n + " samples of shape " + checkpoint.dataShape() + " from " + directory + " to " + out);
        if (grid != null) {
            List<String> rows = generator.conditionDim() > 0 ? Sampling.gridRows(encoder.schema()) : List.of();
            boolean oneWish = label != null || labels != null && !labels.equals("balanced") || tags != null || text != null;
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
