package dev.gan4j.core.train;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.StepContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/** The step context of the engine: normal and uniform draws from a generator seeded by (run seed, step), so a resumed run draws the same. */
public final class GaussianStepContext implements StepContext {
    private final long step;
    private final int latentDim;
    private final DataType dataType;
    private final NormalSampler sampler;

    public GaussianStepContext(long seed, long step, int latentDim, DataType dataType) {
        this.step = step;
        this.latentDim = latentDim;
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.sampler = new NormalSampler(Seeds.derive(seed, Seeds.STEP, step));
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public INDArray sampleLatent(int n) {
        return sampler.next(dataType, n, latentDim);
    }

    @Override
    public INDArray sampleNormal(long... shape) {
        return sampler.next(dataType, shape);
    }

    @Override
    public INDArray sampleUniform(long... shape) {
        return sampler.nextUniform(dataType, shape);
    }
}
