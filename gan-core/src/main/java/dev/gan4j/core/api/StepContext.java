package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What a strategy may ask of the engine during one step. */
public interface StepContext {
    /** Zero-based index of the step being run. */
    long step();

    /** Latent vectors {@code [n, latentDim]} drawn from N(0, 1), reproducible from the run's seed and the step. */
    INDArray sampleLatent(int n);

    /** Standard normal values of any shape (instance noise and the like), from the same reproducible stream. */
    INDArray sampleNormal(long... shape);

    /** Values uniform on [0, 1) of any shape (interpolation weights and the like), from the same reproducible stream. */
    INDArray sampleUniform(long... shape);
}
