package dev.gan4j.trainers;

import dev.gan4j.core.api.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a gradient penalty looks at D's input gradient g and what it asks of |g|, per example. The
 * penalty of a batch is {@code weight * sum_i value(|g_i|)} at the points {@link #points} picks.
 */
public enum GradientPenalty {
    /**
     * WGAN-GP (Gulrajani et al. 2017): (|g| - 1)^2 on random interpolates between real and generated
     * examples, a soft version of the 1-Lipschitz constraint of the Wasserstein critic.
     */
    WGAN_GP("wgan-gp") {
        @Override
        INDArray points(INDArray real, INDArray fake, StepContext context) {
            return between(fake, real, context);
        }
    },
    /**
     * DRAGAN (Kodali et al. 2017): (|g| - 1)^2 at random points between each real example x and a
     * perturbed copy x + 0.5 * std(real) * U[0, 1] noise (one interpolation weight per example), penalising
     * sharp gradients in the data's neighbourhood, where mode collapse starts. The perturbation and the
     * interpolation follow the authors' code; the anime-character model of Jin et al. (2017) trains with it.
     */
    DRAGAN("dragan") {
        @Override
        INDArray points(INDArray real, INDArray fake, StepContext context) {
            double scale = 0.5 * real.stdNumber().doubleValue();
            INDArray perturbed = real.add(context.sampleUniform(real.shape()).castTo(real.dataType()).muli(scale));
            return between(real, perturbed, context);
        }
    },
    /**
     * R1 (Mescheder et al. 2018): |g|^2 / 2 on real examples, pushing D's gradient on the data to zero;
     * with it the non-saturating GAN converges locally where unregularised training circles.
     */
    R1("r1") {
        @Override
        INDArray points(INDArray real, INDArray fake, StepContext context) {
            return real;
        }

        @Override
        double value(double norm) {
            return 0.5 * norm * norm;
        }

        @Override
        double derivative(double norm) {
            return norm;
        }
    };

    private final String id;

    GradientPenalty(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A point drawn uniformly on the segment from each row of {@code from} to the same row of {@code to}. */
    private static INDArray between(INDArray from, INDArray to, StepContext context) {
        INDArray mix = context.sampleUniform(from.size(0), 1).castTo(from.dataType());
        INDArray flatFrom = from.reshape(from.size(0), -1);
        INDArray flatTo = to.reshape(to.size(0), -1);
        return flatFrom.add(flatTo.sub(flatFrom).muliColumnVector(mix)).reshape(from.shape());
    }

    /** The examples at which D's input gradient is penalised, shaped like {@code real}. */
    abstract INDArray points(INDArray real, INDArray fake, StepContext context);

    /** The penalty of one example, before the weight, as a function of its gradient norm. */
    double value(double norm) {
        return (norm - 1) * (norm - 1);
    }

    /** d value / d norm. */
    double derivative(double norm) {
        return 2 * (norm - 1);
    }
}
