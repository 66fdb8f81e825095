package dev.gan4j.core.train;

import dev.gan4j.core.api.Generator;
import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.io.ScatterPlot;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes {@code samples/step-N.png} every {@code sampleEvery} steps, always from the same latent
 * batch, so successive grids show how the same points of latent space evolve. Images make a grid;
 * 2-D points a scatter plot of 2,500 samples.
 */
public final class SampleGridListener implements TrainingListener {
    /** Points in the scatter plot of 2-D data. */
    private static final int POINTS = 2500;

    private final RunDirectory run;
    private INDArray latent;

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
        latent = fixedLatent(training.experiment().seed(), training.experiment().training().sampleGrid(),
                g.latentDim() + g.conditionDim(), g.network().parameters().dataType());
    }

    @Override
    public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
        if (completed % training.experiment().training().sampleEvery() == 0 || completed == training.iterations()) {
            write(training, completed);
        }
    }

    private void write(TrainingRun training, long completed) {
        boolean points = training.dataShape().dims().length == 1 && training.dataShape().size() == 2;
        if (!training.dataShape().isImage() && !points) {
            return;
        }
        try {
            if (points) {
                Generator g = training.model().samplingGenerator();
                INDArray many = g.generate(fixedLatent(training.experiment().seed(), POINTS, g.latentDim() + g.conditionDim(),
                        latent.dataType()));
                ScatterPlot.write(many, run.sampleGrid(completed));
            } else {
                INDArray images = training.model().samplingGenerator().generate(latent);
                ImageGrid.write(images, columns((int) images.size(0)), run.sampleGrid(completed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample grid " + run.sampleGrid(completed), e);
        }
    }
}
