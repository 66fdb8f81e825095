package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionAugmentation;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.nn.FastNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The conditioning augmentation of StackGAN (Zhang et al. 2017, section 3.1): one linear layer maps the
 * encoding e to mu and log sigma, G reads c = mu + sigma * eps with eps ~ N(0, I), and G's loss gains
 * {@code weight} times KL(N(mu, sigma^2) || N(0, I)) = 1/2 sum(mu^2 + sigma^2 - 1 - 2 log sigma), whose
 * gradients are mu and sigma^2 - 1 (with respect to log sigma). The authors' code follows the layer with a
 * leaky ReLU, a ReLU or a GLU depending on the version; this one is linear, so mu can take either sign. Sampling reads mu: the latent vector already varies
 * the examples, and a wish then always means the same condition.
 */
final class AugmentationLayer implements ConditionAugmentation {
    private final int dim;
    private final double weight;
    private final FastNetwork network;
    private INDArray mu;
    private INDArray logSigma;
    private INDArray sigma;
    private INDArray noise;

    AugmentationLayer(int inputDim, int dim, double weight, IUpdater updater, long seed, DataType dataType) {
        if (inputDim <= 0 || dim <= 0 || !(weight >= 0)) {
            throw new IllegalArgumentException("inputDim and dim must be > 0 and weight >= 0, found " + inputDim + ", " + dim
                    + ", " + weight);
        }
        this.dim = dim;
        this.weight = weight;
        this.network = FastNetwork.builder(Shape.vector(inputDim), dataType).dense(2 * dim)
                .build(updater, seed, 1 / Math.sqrt(inputDim));
    }

    @Override
    public int outputDim() {
        return dim;
    }

    @Override
    public INDArray sample(INDArray encoded, INDArray noise) {
        INDArray out = network.forward(encoded, true);
        if (noise.rank() != 2 || noise.size(0) != out.size(0) || noise.size(1) != dim) {
            throw new IllegalArgumentException("noise must have shape [" + out.size(0) + ", " + dim + "], found "
                    + java.util.Arrays.toString(noise.shape()));
        }
        mu = half(out, 0);
        logSigma = half(out, 1);
        sigma = Transforms.exp(logSigma, true);
        this.noise = noise.castTo(out.dataType());
        return sigma.mul(this.noise).addi(mu);
    }

    @Override
    public INDArray mean(INDArray encoded) {
        return half(network.forward(encoded, false), 0);
    }

    private INDArray half(INDArray out, int k) {
        return out.get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * dim, (long) (k + 1) * dim)).dup();
    }

    @Override
    public double divergence() {
        requireSample();
        INDArray terms = mu.mul(mu).addi(sigma.mul(sigma)).subi(1).subi(logSigma.mul(2));
        return 0.5 * terms.castTo(DataType.DOUBLE).sumNumber().doubleValue();
    }

    @Override
    public double weight() {
        return weight;
    }

    @Override
    public void backward(INDArray conditionGradient) {
        requireSample();
        INDArray g = conditionGradient.castTo(mu.dataType());
        INDArray dMu = mu.mul(weight).addi(g);
        INDArray dLogSigma = g.mul(sigma).muli(noise).addi(sigma.mul(sigma).subi(1).muli(weight));
        network.accumulateGradient(Nd4j.hstack(dMu, dLogSigma));
    }

    private void requireSample() {
        if (mu == null) {
            throw new IllegalStateException("no sample drawn yet");
        }
    }

    @Override
    public TrainableNetwork network() {
        return network;
    }
}
