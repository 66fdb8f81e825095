package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.nn.Dl4jDefaults;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import dev.gan4j.core.nn.NetworkDiscriminator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * A fully connected discriminator: the flattened example through leaky-ReLU layers to one logit, joined
 * with the condition in conditional experiments.
 *
 * @param hidden       widths of the hidden layers
 * @param leakySlope   negative slope of the leaky ReLUs
 * @param spectralNorm divide every layer's weight by its largest singular value (Miyato et al. 2018,
 *                     "Spectral Normalization for Generative Adversarial Networks"), bounding the
 *                     discriminator's Lipschitz constant; default false, needs the fast layers
 * @param layers       {@code fast} (default) or {@code dl4j} stock layers
 * @param conditioning how a conditional experiment's condition enters: {@code projection} (default), {@code concat}
 *                     or {@code acgan}; see {@link Conditioning}
 * @param auxiliaryClassifier with {@code projection} or {@code concat}, also classify the input with one output per
 *                     class or tag, as ACGAN does (default false)
 */
public record MlpDiscriminatorSpec(int[] hidden, Double leakySlope, Boolean spectralNorm, LayerEngine layers,
                                   Conditioning conditioning, Boolean auxiliaryClassifier) implements DiscriminatorSpec {
    public MlpDiscriminatorSpec {
        hidden = Checks.positiveAll("hidden", hidden, new int[] {512, 256});
        leakySlope = Checks.inRange("leakySlope", leakySlope, 0.2, 0, 1);
        layers = LayerEngine.orDefault(layers);
        spectralNorm = LayerEngine.spectralNorm(spectralNorm, layers);
        conditioning = Conditioning.orDefault(conditioning);
        auxiliaryClassifier = auxiliaryClassifier != null && auxiliaryClassifier;
    }

    public MlpDiscriminatorSpec(int[] hidden, Double leakySlope, Boolean spectralNorm, LayerEngine layers) {
        this(hidden, leakySlope, spectralNorm, layers, null, null);
    }

    public MlpDiscriminatorSpec(int[] hidden, Double leakySlope, LayerEngine layers) {
        this(hidden, leakySlope, null, layers, null, null);
    }

    public MlpDiscriminatorSpec(int[] hidden, Double leakySlope) {
        this(hidden, leakySlope, null, null, null, null);
    }

    /** A copy, so that the spec stays as it was checked. */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public Discriminator create(ModelContext context) {
        Conditioning.requireFastLayers(context, layers);
        Shape shape = context.dataShape();
        int in = (int) shape.size();
        if (layers == LayerEngine.FAST) {
            FastNetwork.Builder fast = FastNetwork.builder(shape, context.dataType()).spectralNorm(spectralNorm);
            for (int width : hidden) {
                fast.dense(width).leakyRelu(leakySlope);
            }
            return conditioning.build(fast, shape, context, spectralNorm, auxiliaryClassifier, true);
        }
        NeuralNetConfiguration.ListBuilder list = Dl4jDefaults.builder(context).list();
        int previous = in;
        for (int width : hidden) {
            list.layer(new DenseLayer.Builder().nIn(previous).nOut(width).activation(new ActivationLReLU(leakySlope)).build());
            previous = width;
        }
        list.layer(new DenseLayer.Builder().nIn(previous).nOut(1).activation(Activation.IDENTITY).build());
        list.setInputType(InputType.feedForward(in));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return new NetworkDiscriminator(shape, 0, new MultiLayerNetworkAdapter(net, shape, Shape.vector(in),
                Shape.vector(1), Shape.vector(1)));
    }
}
