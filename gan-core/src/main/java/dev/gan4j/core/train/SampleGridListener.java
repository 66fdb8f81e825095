package dev.gan4j.core.train;

import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.io.ScatterPlot;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes {@code samples/step-N.png} every {@code sampleEvery} steps, always from the same latent
 * batch, so successive grids show how the same points of latent space evolve. Images make a grid,
 * with one row per class for class-conditional models and one row per typical wish of the data (a tag
 * set, a caption) or, failing those, per tag for models conditioned on tags or texts; 2-D points a
 * scatter plot of 2,500 samples. A text model whose data suggests no sentences gets no grid. The rows' wishes go to
 * {@code samples/rows.txt}, which the report prints beside the grids.
 */
public final class SampleGridListener implements TrainingListener {
    /** Points in the scatter plot of 2-D data. */
    private static final int POINTS = 2500;

    private final RunDirectory run;
    private INDArray latent;
    private Conditions conditions;
    private int columns;

    public SampleGridListener(RunDirectory run) {
        this.run = run;
    }

    /** The fixed latent batch of a run's grids: {@code n} vectors of N(0, 1), reproducible from the seed. */
    public static INDArray fixedLatent(long seed, int n, int dim, DataType dataType) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.GRID, 0));
        float[] values = new float[n * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {n, dim}, 'c').castTo(dataType);
    }

    public static int columns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    @Override
    public void onStart(TrainingRun training, long firstStep) {
        Generator g = training.model().generator();
        Encoder encoder = training.model().encoder();
        List<String> rows = g.conditionDim() > 0 ? Sampling.gridRows(encoder.schema()) : List.of();
        int n = training.experiment().training().sampleGrid();
        if (!rows.isEmpty()) {
            columns = Math.max(1, Math.round(n / (float) rows.size()));
            conditions = Sampling.gridConditions(encoder, rows, columns);
            n = rows.size() * columns;
            if (training.dataShape().isImage()) {
                try {
                    Files.createDirectories(run.samples());
                    AtomicFiles.writeString(run.sampleGridRows(), String.join("\n", rows) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + run.sampleGridRows(), e);
                }
            }
        } else {
            columns = columns(n);
            conditions = null;
        }
        latent = fixedLatent(training.experiment().seed(), n, g.latentDim(), g.network().parameters().dataType());
    }

    @Override
    public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
        if (completed % training.experiment().training().sampleEvery() == 0 || completed == training.iterations()) {
            write(training, completed);
        }
    }

    private void write(TrainingRun training, long completed) {
        boolean points = training.dataShape().dims().length == 1 && training.dataShape().size() == 2;
        Generator g = training.model().samplingGenerator();
        Encoder encoder = training.model().encoder();
        if (!training.dataShape().isImage() && !points || g.conditionDim() > 0 && conditions == null) {
            return;
        }
        try {
            if (points) {
                INDArray many = fixedLatent(training.experiment().seed(), POINTS, g.latentDim(), latent.dataType());
                ScatterPlot.write(Sampling.generate(g, encoder, many, Sampling.defaults(g, encoder, 0, POINTS)),
                        run.sampleGrid(completed));
            } else {
                INDArray images = Sampling.generate(g, encoder, latent, conditions);
                ImageGrid.write(images, columns, run.sampleGrid(completed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample grid " + run.sampleGrid(completed), e);
        }
    }
}
