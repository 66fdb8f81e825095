package dev.gan4j.examples;

import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.io.NpyWriter;
import dev.gan4j.core.io.ScatterPlot;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.Checkpoint;
import dev.gan4j.core.train.SampleGridListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate samples from a run's latest checkpoint (or a given checkpoint) into an NPY file.")
final class SampleCommand implements Callable<Integer> {
    private static final int CHUNK = 500;

    @Parameters(index = "0", paramLabel = "RUN_DIR_OR_CHECKPOINT")
    Path source;

    @Option(names = "--n", defaultValue = "10000", description = "number of samples (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "float32 [N, C, H, W] in [-1, 1]")
    Path out;

    @Option(names = "--grid", paramLabel = "FILE.png", description = "also write a grid of the first 64 samples (a scatter plot of the first chunk for 2-D data)")
    Path grid;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the latent draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--raw-weights", description = "sample with the generator's own weights even when the run keeps a moving average (training.ema)")
    boolean rawWeights;

    @Override
    public Integer call() throws Exception {
        if (n <= 0) {
            throw new IllegalArgumentException("--n must be > 0, found " + n);
        }
        CheckpointModels.Restored restored = CheckpointModels.load(Plugins.registry(), source, null);
        Checkpoint checkpoint = restored.checkpoint();
        Path directory = checkpoint.directory();
        GanModel model = restored.model();
        Generator generator = rawWeights ? model.generator() : model.samplingGenerator();
        INDArray first = null;
        try (NpyWriter writer = new NpyWriter(out, DataType.FLOAT, checkpoint.dataShape().withBatch(n))) {
            NormalSampler latents = new NormalSampler(seed);
            for (int done = 0; done < n; done += CHUNK) {
                int count = Math.min(CHUNK, n - done);
                INDArray samples = generator.generate(latents.next(DataType.FLOAT, count, generator.latentDim()));
                writer.append(samples);
                if (first == null) {
                    first = samples.dup();
                }
            }
        }
        System.out.println("wrote " + n + " samples of shape " + checkpoint.dataShape() + " from " + directory + " to " + out);
        if (grid != null) {
            if (checkpoint.dataShape().isImage()) {
                INDArray shown = first.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, Math.min(64, first.size(0))));
                ImageGrid.write(shown, SampleGridListener.columns((int) shown.size(0)), grid);
            } else if (checkpoint.dataShape().size() == 2) {
                ScatterPlot.write(first, grid);
            } else {
                throw new IllegalStateException("--grid needs images or 2-D points; this model generates shape " + checkpoint.dataShape());
            }
            System.out.println("wrote grid " + grid);
        }
        return 0;
    }
}
