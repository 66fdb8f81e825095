package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a wish (a class, a set of tags, a sentence) into the condition vector that steers the
 * generator and informs the discriminator.
 */
public interface Encoder {
    /** Size of the condition vector; 0 means no conditioning. */
    int outputDim();

    /** Condition vectors {@code [n, outputDim]} for a batch of real examples, or {@code null} when unconditional. */
    INDArray encode(Batch batch);
}
