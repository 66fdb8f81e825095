package dev.gan4j.core.train;

import dev.gan4j.core.api.StepContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The step context of the engine: latent vectors from N(0, 1) drawn with ND4J's generator, seeded per step by the caller. */
public record GaussianStepContext(long step, int latentDim, DataType dataType) implements StepContext {
    @Override
    public INDArray sampleLatent(int n) {
        return Nd4j.randn(dataType, n, latentDim);
    }
}
