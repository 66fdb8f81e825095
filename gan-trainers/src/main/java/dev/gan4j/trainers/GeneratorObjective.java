package dev.gan4j.trainers;

/**
 * What the generator minimises, per example, as a function of D's logit on its sample.
 * Both forms share the discriminator's binary cross-entropy loss.
 */
public enum GeneratorObjective {
    /** log(1 - D(G(z))), the minimax game of Goodfellow et al. (2014); its gradient vanishes while D wins. */
    MINIMAX {
        @Override
        public double loss(double logit) {
            return -LogitLosses.lossFake(logit);
        }

        @Override
        public double gradient(double logit) {
            return -LogitLosses.sigmoid(logit);
        }
    },
    /** -log D(G(z)), the non-saturating heuristic of the same paper: strong gradients early in training. */
    NON_SATURATING {
        @Override
        public double loss(double logit) {
            return LogitLosses.lossReal(logit);
        }

        @Override
        public double gradient(double logit) {
            return LogitLosses.sigmoid(logit) - 1;
        }
    };

    public abstract double loss(double logit);

    /** d loss / d logit. */
    public abstract double gradient(double logit);
}
