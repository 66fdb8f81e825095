package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Conditioning augmentation (Zhang et al. 2017, "StackGAN", section 3.1): G reads a condition drawn from
 * N(mu(e), diag(sigma(e)^2)) around the encoding e instead of e itself, so the few encodings of the data
 * become a smooth region of conditions, and the term KL(N(mu, sigma^2) || N(0, I)) in G's loss keeps that
 * region from collapsing onto points. The discriminator still judges under e.
 *
 * <p>A strategy draws the noise from its step's reproducible stream, generates from {@link #sample}, and
 * hands G's gradient with respect to the condition to {@link #backward}, which adds the divergence's
 * gradient; {@link #network()} then learns with G's objective.
 */
public interface ConditionAugmentation {
    /** Size of the condition G reads. */
    int outputDim();

    /**
     * c = mu + sigma * noise, for encodings {@code [n, encoderDim]} and standard normal noise {@code [n, outputDim]};
     * keeps what {@link #backward} needs.
     */
    INDArray sample(INDArray encoded, INDArray noise);

    /** The condition at sampling time: mu, so a wish and a latent vector always give the same example. */
    INDArray mean(INDArray encoded);

    /** KL(N(mu, sigma^2) || N(0, I)) of the last {@link #sample}, summed over its examples, not weighted. */
    double divergence();

    /** The divergence's weight in G's loss (lambda of the paper). */
    double weight();

    /**
     * Back-propagates d(G's loss)/d(c) of the last {@link #sample}, {@code [n, outputDim]}, adding
     * {@link #weight()} times the divergence's gradient, into {@link #network()}'s accumulated gradient.
     * The gradient stops at the encoding: the encoder learns from D, as without augmentation.
     */
    void backward(INDArray conditionGradient);

    /** The trainable layer that maps an encoding to (mu, log sigma); checkpointed as {@code augmentation}. */
    TrainableNetwork network();
}
