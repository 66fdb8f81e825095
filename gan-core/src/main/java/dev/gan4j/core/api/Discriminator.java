package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Judges examples: its network maps {@code [n, ...inputShape]} to {@code [n, 1 + auxiliaryOutputs()]}:
 * first one logit per example, positive for "real", then any auxiliary outputs (the class logits of an
 * auxiliary classifier). A conditional discriminator also reads a condition vector per example.
 */
public interface Discriminator {
    Shape inputShape();

    /** Size of the condition vector the discriminator reads; 0 for unconditional ones. */
    int conditionDim();

    /** Outputs after the adversarial logit: class logits of an auxiliary classifier (Odena et al. 2017); 0 for none. */
    default int auxiliaryOutputs() {
        return 0;
    }

    TrainableNetwork network();

    /**
     * Runs the network on examples under their conditions ({@code null} when unconditional). The network's
     * backward passes then refer to this call.
     */
    default INDArray judge(INDArray examples, INDArray conditions, boolean training) {
        return network().forward(examples, training);
    }

    /**
     * d(loss)/d(condition) of the last backward pass through {@link #network()}, for training the encoder;
     * {@code null} when the discriminator reads no condition.
     */
    default INDArray conditionGradient() {
        return null;
    }
}
