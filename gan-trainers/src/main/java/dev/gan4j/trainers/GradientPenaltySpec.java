package dev.gan4j.trainers;

import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A gradient penalty on D, added to D's loss.
 *
 * @param type   {@code wgan-gp}, {@code dragan} or {@code r1}
 * @param weight the penalty's coefficient: lambda of WGAN-GP and DRAGAN, gamma of R1 (default 10 for each, the papers' value)
 * @param every  apply the penalty on every {@code every}-th D update only, scaled by {@code every}: the lazy
 *               regularisation of StyleGAN2 (Karras et al. 2020), which saves most of its cost (default 1).
 *               StyleGAN2 takes a separate optimizer step for the penalty and so scales D's learning rate and
 *               Adam betas by k / (k + 1) to keep their effective values; here the penalty's gradient joins
 *               the loss's in the same update, which adds no step, so D's optimizer stays as configured
 */
public record GradientPenaltySpec(String type, Double weight, Integer every) {
    public GradientPenaltySpec {
        Checks.required("type", type);
        penalty(type);
        weight = Checks.positive("weight", weight, 10.0);
        every = Checks.positive("every", every, 1);
    }

    GradientPenalty penalty() {
        return penalty(type);
    }

    private static GradientPenalty penalty(String type) {
        return Arrays.stream(GradientPenalty.values()).filter(p -> p.id().equals(type)).findFirst()
                .orElseThrow(() -> new InvalidValueException("type", "unknown gradient penalty '" + type + "'; known: "
                        + Arrays.stream(GradientPenalty.values()).map(GradientPenalty::id).collect(Collectors.joining(", "))));
    }
}
