package dev.gan4j.trainers;

import dev.gan4j.core.config.Checks;

/**
 * How a strategy trains a discriminator's auxiliary classifier (ACGAN, Odena et al. 2017), when D has one
 * ({@code conditioning: acgan} or {@code auxiliaryClassifier: true}).
 *
 * <p>Odena et al.'s D learns the classes of real and generated examples alike, the default. Jin et al. 2017 (the anime
 * generator) train D's tag classifier on real images only, so that it is a judge of the data and G alone answers for
 * its tags: {@code learnFromGenerated: false}. For tags the classifier's loss is summed over the tags (one sigmoid
 * cross-entropy each), so a weight of 1 / tags makes it the per-tag mean that PyTorch's {@code BCEWithLogitsLoss} gives.
 *
 * @param weight             factor of the classifier's loss in D's and G's losses (default 1)
 * @param learnFromGenerated whether D's classifier also learns from generated examples under their conditions (default true)
 */
public record AuxiliarySpec(Double weight, Boolean learnFromGenerated) {
    public AuxiliarySpec {
        weight = Checks.positive("weight", weight, 1.0);
        learnFromGenerated = learnFromGenerated == null || learnFromGenerated;
    }

    /** Odena et al.'s: weight 1, D learning from real and generated examples. */
    static AuxiliarySpec orStandard(AuxiliarySpec spec) {
        return spec == null ? new AuxiliarySpec(null, null) : spec;
    }
}
