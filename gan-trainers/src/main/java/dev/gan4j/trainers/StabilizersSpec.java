package dev.gan4j.trainers;

import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.InvalidValueException;

/**
 * Tricks that keep D from winning too easily, shared by the alternating strategies (every loss but {@code error-driven},
 * whose rule of who learns leaves no room for them).
 *
 * @param labelSmoothing   one-sided label smoothing (Salimans et al. 2016): D's target for real examples is
 *                         1 - labelSmoothing; only for the cross-entropy losses. 0 turns it off.
 * @param instanceNoise    standard deviation of Gaussian noise added to every example D sees, real and generated
 *                         (Sønderby et al. 2017), so the two distributions overlap. 0 turns it off.
 * @param noiseAnnealSteps steps over which the noise falls linearly to zero; 0 keeps it constant
 */
public record StabilizersSpec(Double labelSmoothing, Double instanceNoise, Integer noiseAnnealSteps) {
    public StabilizersSpec {
        labelSmoothing = Checks.inRange("labelSmoothing", labelSmoothing, 0.0, 0, 0.5);
        instanceNoise = instanceNoise == null ? 0.0 : instanceNoise;
        if (!(instanceNoise >= 0) || Double.isInfinite(instanceNoise)) {
            throw new InvalidValueException("instanceNoise", "must be a finite number >= 0, found " + instanceNoise);
        }
        noiseAnnealSteps = Checks.nonNegative("noiseAnnealSteps", noiseAnnealSteps, 0);
    }

    public static StabilizersSpec none() {
        return new StabilizersSpec(null, null, null);
    }

    static StabilizersSpec orNone(StabilizersSpec spec) {
        return spec == null ? none() : spec;
    }

    /**
     * {@code spec} (or none), checked against {@code loss}: label smoothing needs a cross-entropy target to smooth, and
     * asking for it with another loss is an error of the field {@code stabilizers.labelSmoothing}.
     */
    static StabilizersSpec checkedFor(StabilizersSpec spec, AdversarialLoss loss) {
        StabilizersSpec stabilizers = orNone(spec);
        if (stabilizers.labelSmoothing() > 0 && !loss.crossEntropy()) {
            throw new InvalidValueException("stabilizers.labelSmoothing", "applies to the cross-entropy losses (minimax,"
                    + " non-saturating), not " + loss.id() + "; found " + stabilizers.labelSmoothing());
        }
        return stabilizers;
    }

    /** The instance-noise standard deviation at a step. */
    double noiseAt(long step) {
        if (noiseAnnealSteps == 0) {
            return instanceNoise;
        }
        return instanceNoise * Math.max(0, 1 - step / (double) noiseAnnealSteps);
    }
}
