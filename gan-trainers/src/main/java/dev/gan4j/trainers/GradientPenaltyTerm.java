package dev.gan4j.trainers;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.InvalidValueException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * Adds a gradient penalty's parameter gradient to D's accumulator.
 *
 * <p>The penalty {@code P = w * sum_i f(|g_i|)}, with {@code g_i} D's input gradient at example i,
 * depends on a gradient, and DL4J cannot differentiate a gradient. With {@code v_i = w f'(|g_i|) g_i / |g_i|}
 * held fixed, {@code dP/dtheta = d/dtheta sum_i v_i . g_i}, a Hessian-vector product, which a central
 * difference of parameter gradients gives:
 * {@code [grad_theta sum D(x + h v) - grad_theta sum D(x - h v)] / 2h} (Pearlmutter 1994 shows the product
 * is a directional derivative of the gradient). The two passes run through {@link TrainableNetwork#forwardNear},
 * which keeps the activation pattern of x, so for piecewise-linear networks (ReLU, leaky ReLU) the
 * difference is exact; smooth activations add an O(h^2) error. The step keeps the largest displacement
 * h |v_i| small against the data yet far above rounding: 1e-2 in float, 1e-4 in double.
 *
 * <p>Per-example gradients need a D whose examples do not interact: no batch normalisation.
 */
final class GradientPenaltyTerm {
    private static final double FLOAT_DISPLACEMENT = 1e-2;
    private static final double DOUBLE_DISPLACEMENT = 1e-4;

    private final GradientPenalty penalty;
    private final double weight;
    private final int every;

    GradientPenaltyTerm(GradientPenaltySpec spec) {
        requireNonNull(spec, "spec is null");
        this.penalty = spec.penalty();
        this.weight = spec.weight() * spec.every();
        this.every = spec.every();
    }

    /** Refuses a discriminator the finite-difference route cannot differentiate; the error names the {@code penalty} field. */
    void check(TrainableNetwork d) {
        if (d.couplesExamples()) {
            throw new InvalidValueException("penalty", "the " + penalty.id() + " gradient penalty needs per-example gradients, "
                    + "but the discriminator normalises over the batch; build it without batch normalization"
                    + " (dcgan: \"batchNorm\": false)");
        }
        if (d.isStochastic()) {
            throw new InvalidValueException("penalty", "the " + penalty.id() + " gradient penalty differences nearby passes "
                    + "through the discriminator, but it draws new dropout masks or weight noise at every pass, which would "
                    + "swamp the difference; build it without dropout and weight noise, or leave out the penalty");
        }
    }

    /** Whether the penalty applies to the D update that follows {@code updates} earlier ones. */
    boolean appliesAt(long updates) {
        return updates % every == 0;
    }

    /**
     * Accumulates the penalty's parameter gradient into D's network, summed over examples like the loss
     * gradients. D judges the penalty's points under {@code conditions}, the examples' own, so a conditional D
     * is penalised where it judges the data; with an auxiliary classifier only the adversarial logit is.
     *
     * @return the penalty, weighted, summed over the batch
     */
    double accumulate(Discriminator judge, INDArray conditions, INDArray real, INDArray fake, StepContext context) {
        TrainableNetwork d = judge.network();
        check(d);
        int n = (int) real.size(0);
        INDArray points = penalty.points(real, fake, context);
        judge.judge(points, conditions, true);
        INDArray ones = Nd4j.ones(real.dataType(), n, 1);
        if (judge.auxiliaryOutputs() > 0) {
            ones = Nd4j.hstack(ones, Nd4j.zeros(real.dataType(), n, judge.auxiliaryOutputs()));
        }
        INDArray gradient = d.inputGradient(ones).reshape(n, -1).dup();
        double[] norms = gradient.norm2(1).toDoubleVector();
        double[] coefficients = new double[n];
        double total = 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            total += weight * penalty.value(norms[i]);
            coefficients[i] = norms[i] > 0 ? weight * penalty.derivative(norms[i]) / norms[i] : 0;
            largest = Math.max(largest, Math.abs(coefficients[i]) * norms[i]);
        }
        if (largest == 0) {
            return total;
        }
        double h = (real.dataType() == DataType.DOUBLE ? DOUBLE_DISPLACEMENT : FLOAT_DISPLACEMENT) / largest;
        INDArray step = gradient.muliColumnVector(Nd4j.create(coefficients, new long[] {n, 1}, real.dataType()))
                .muli(h).reshape(points.shape());
        d.forwardNear(points.add(step));
        d.accumulateGradient(ones.mul(1 / (2 * h)));
        d.forwardNear(points.sub(step));
        d.accumulateGradient(ones.mul(-1 / (2 * h)));
        return total;
    }
}
