package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maps a latent vector z, optionally joined by a condition vector, to an example.
 * Its network's input is {@code [n, latentDim + conditionDim]} and its output {@code [n, ...outputShape]}
 * in [-1, 1].
 */
public interface Generator {
    int latentDim();

    /** Size of the condition vector appended to z; 0 for unconditional generators. */
    int conditionDim();

    Shape outputShape();

    TrainableNetwork network();

    /**
     * Generates examples in inference mode (running batch-norm statistics). The result may be a buffer
     * the network reuses on its next call; {@code dup()} it to keep it.
     */
    default INDArray generate(INDArray latent) {
        return network().forward(latent, false);
    }

    /**
     * The network's input for latents {@code [n, latentDim]} and conditions {@code [n, conditionDim]}
     * ({@code null} when unconditional): the two side by side (Mirza &amp; Osindero 2014).
     */
    default INDArray input(INDArray latent, INDArray conditions) {
        if (conditions == null) {
            return latent;
        }
        return Nd4j.hstack(latent, conditions.castTo(latent.dataType()));
    }
}
