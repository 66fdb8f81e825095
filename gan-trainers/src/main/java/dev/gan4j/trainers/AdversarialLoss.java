package dev.gan4j.trainers;

import dev.gan4j.core.nn.LogitLosses;

import java.util.Locale;

/**
 * The losses of the adversarial game as functions of D's raw output s (a logit or a critic score), per
 * example, with their derivatives d loss / d s. D minimises {@link #realLoss} on real examples plus
 * {@link #fakeLoss} on generated ones; G minimises {@link #generatorLoss} on generated ones.
 */
public enum AdversarialLoss {
    /** Goodfellow et al. (2014), equation 1: D by binary cross-entropy, G minimises log(1 - D(G(z))). */
    MINIMAX {
        @Override
        public double generatorLoss(double s) {
            return -LogitLosses.lossFake(s);
        }

        @Override
        public double generatorGradient(double s) {
            return -LogitLosses.sigmoid(s);
        }
    },
    /** Goodfellow et al. (2014), section 3: G maximises log D(G(z)) instead, for strong early gradients. */
    NON_SATURATING {
        @Override
        public double generatorLoss(double s) {
            return LogitLosses.lossReal(s);
        }

        @Override
        public double generatorGradient(double s) {
            return LogitLosses.sigmoid(s) - 1;
        }
    },
    /** Least squares (Mao et al. 2017), a-b-c = 0-1-1: D pulls real scores to 1 and fake to 0, G pulls fake to 1. */
    LEAST_SQUARES {
        @Override
        public double realLoss(double s) {
            return 0.5 * (s - 1) * (s - 1);
        }

        @Override
        public double realGradient(double s) {
            return s - 1;
        }

        @Override
        public double fakeLoss(double s) {
            return 0.5 * s * s;
        }

        @Override
        public double fakeGradient(double s) {
            return s;
        }

        @Override
        public double generatorLoss(double s) {
            return 0.5 * (s - 1) * (s - 1);
        }

        @Override
        public double generatorGradient(double s) {
            return s - 1;
        }

        @Override
        public double reported(double s) {
            return s;
        }
    },
    /** Hinge loss (Lim &amp; Ye 2017): D minimises max(0, 1 - s) on real and max(0, 1 + s) on fake, G minimises -s. */
    HINGE {
        @Override
        public double realLoss(double s) {
            return Math.max(0, 1 - s);
        }

        @Override
        public double realGradient(double s) {
            return s < 1 ? -1 : 0;
        }

        @Override
        public double fakeLoss(double s) {
            return Math.max(0, 1 + s);
        }

        @Override
        public double fakeGradient(double s) {
            return s > -1 ? 1 : 0;
        }

        @Override
        public double generatorLoss(double s) {
            return -s;
        }

        @Override
        public double generatorGradient(double s) {
            return -1;
        }

        @Override
        public double reported(double s) {
            return s;
        }
    },
    /**
     * Wasserstein (Arjovsky et al. 2017): the critic maximises E[s(real)] - E[s(fake)], G maximises E[s(fake)].
     * Needs a Lipschitz constraint on the critic: weight clipping, a gradient penalty or spectral normalization.
     */
    WASSERSTEIN {
        @Override
        public double realLoss(double s) {
            return -s;
        }

        @Override
        public double realGradient(double s) {
            return -1;
        }

        @Override
        public double fakeLoss(double s) {
            return s;
        }

        @Override
        public double fakeGradient(double s) {
            return 1;
        }

        @Override
        public double generatorLoss(double s) {
            return -s;
        }

        @Override
        public double generatorGradient(double s) {
            return -1;
        }

        @Override
        public double reported(double s) {
            return s;
        }
    };

    /** D's loss on a real example; binary cross-entropy with target 1 unless overridden. */
    public double realLoss(double s) {
        return LogitLosses.lossReal(s);
    }

    public double realGradient(double s) {
        return LogitLosses.sigmoid(s) - 1;
    }

    /** D's loss on a generated example; binary cross-entropy with target 0 unless overridden. */
    public double fakeLoss(double s) {
        return LogitLosses.lossFake(s);
    }

    public double fakeGradient(double s) {
        return LogitLosses.sigmoid(s);
    }

    public abstract double generatorLoss(double s);

    public abstract double generatorGradient(double s);

    /** The strategy name this loss goes by in configs: {@code least-squares} for {@link #LEAST_SQUARES}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether D's losses are binary cross-entropy (so label smoothing applies). */
    public boolean crossEntropy() {
        return this == MINIMAX || this == NON_SATURATING;
    }

    /** What {@code d_real} and {@code d_fake} report: the probability D assigns, or the raw score for non-probabilistic losses. */
    public double reported(double s) {
        return LogitLosses.sigmoid(s);
    }
}
