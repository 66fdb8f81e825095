package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Turns a wish (a class, a set of tags, a sentence) into the condition vector that steers the
 * generator and informs the discriminator (Mirza &amp; Osindero 2014).
 */
public interface Encoder {
    /** Size of the condition vector; 0 means no conditioning. */
    int outputDim();

    /**
     * What this encoder reads, as the data described it, plus what the encoder derived from the data that a
     * rebuild needs (a text encoder's vocabulary). Checkpoints store it and rebuild the encoder from it.
     */
    ConditionSchema schema();

    /**
     * Condition vectors {@code [n, outputDim]}, or {@code null} when unconditional. In training mode a
     * trainable encoder keeps what its {@link #network()}'s backward pass needs.
     */
    INDArray encode(Conditions conditions, boolean training);

    /**
     * Conditions from wishes typed by a user, one per example: class names or indices, comma-separated
     * tags, or sentences, depending on the encoder.
     *
     * @throws IllegalArgumentException naming an unknown class or tag and listing the known ones
     */
    Conditions parse(List<String> wishes);

    /**
     * The encoder's trainable part, trained as part of D from the gradients of D's loss terms with respect
     * to the condition (G's step leaves it alone, so nothing is counted twice), and checkpointed as {@code encoder}; {@code null} when it has no parameters. Its
     * input is whatever {@link #encode} feeds it.
     */
    default TrainableNetwork network() {
        return null;
    }

    /**
     * Conditioning augmentation between this encoding and G (Zhang et al. 2017), or {@code null} when G reads
     * the encoding itself. D always reads the encoding.
     */
    default ConditionAugmentation augmentation() {
        return null;
    }

    /** Size of the condition G reads: the augmentation's output when there is one, else {@link #outputDim()}. */
    default int generatorDim() {
        return augmentation() == null ? outputDim() : augmentation().outputDim();
    }
}
