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
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * The DCGAN discriminator (Radford et al. 2016): strided convolutions (kernel 4, stride 2, padding 1)
 * with leaky ReLU, batch norm on every convolution but the first, and a linear layer to one logit.
 *
 * <p>At 64x64 RGB with its defaults it is layer for layer the discriminator of PyTorch's DCGAN example (ndf 64):
 * Conv(3, 64), LeakyReLU(0.2), Conv(64, 128), BN, LeakyReLU(0.2), ... Conv(512, 1, 4, 1, 0), no biases (the last
 * convolution covers the whole 4x4 map, so it is computed as the equal linear layer). On 28x28 data it is the DCGAN-28
 * of the PyTorch reference: Conv(1, 64), LeakyReLU(0.2), Conv(64, 128), BN, LeakyReLU(0.2), Flatten, Linear(128*7*7, 1),
 * with biases. See {@link DcganLayout}.
 *
 * <p>With {@code batchNorm} off no layer couples the examples of a batch (every convolution has a bias either
 * way, as in the reference): the discriminator that per-example gradient penalties (WGAN-GP, Gulrajani et al. 2017) and
 * SN-GAN use. {@code spectralNorm} divides the weight of every convolution and of the final linear layer
 * by its largest singular value (Miyato et al. 2018, "Spectral Normalization for Generative Adversarial
 * Networks"), bounding the discriminator's Lipschitz constant layer by layer.
 *
 * @param channels     feature maps of each convolution
 * @param width        instead of {@code channels}: the first convolution's maps (PyTorch's ndf, default 64), doubled
 *                     per convolution down to a 4x4 map
 * @param layout       {@code pytorch} (default for square power-of-two images) or {@code projection} (default otherwise)
 * @param leakySlope   negative slope of the leaky ReLUs
 * @param batchNorm    batch norm after every convolution but the first (default true)
 * @param spectralNorm spectral normalization of every convolution and of the linear layer (default false;
 *                     needs the fast layers)
 * @param layers       {@code fast} (default) or {@code dl4j} stock layers
 * @param conditioning how a conditional experiment's condition enters: {@code projection} (default), {@code concat}
 *                     or {@code acgan}; see {@link Conditioning}
 * @param auxiliaryClassifier with {@code projection} or {@code concat}, also classify the input with one output per
 *                     class or tag, as ACGAN does (default false)
 */
public record DcganDiscriminatorSpec(int[] channels, Double leakySlope, Boolean batchNorm, Boolean spectralNorm,
                                     LayerEngine layers, Conditioning conditioning, Boolean auxiliaryClassifier, Integer width,
                                     DcganLayout layout)
        implements DiscriminatorSpec {
    private static final int[] PROJECTION_CHANNELS = {64, 128};

    public DcganDiscriminatorSpec {
        channels = channels == null ? null : Checks.positiveAll("channels", channels, channels);
        width = width == null ? null : Checks.positive("width", width, 0);
        leakySlope = Checks.inRange("leakySlope", leakySlope, 0.2, 0, 1);
        batchNorm = batchNorm == null || batchNorm;
        layers = LayerEngine.orDefault(layers);
        spectralNorm = LayerEngine.spectralNorm(spectralNorm, layers);
        conditioning = Conditioning.orDefault(conditioning);
        auxiliaryClassifier = auxiliaryClassifier != null && auxiliaryClassifier;
    }

    public DcganDiscriminatorSpec(int[] channels, Double leakySlope, Boolean batchNorm, Boolean spectralNorm, LayerEngine layers,
                                  Conditioning conditioning, Boolean auxiliaryClassifier) {
        this(channels, leakySlope, batchNorm, spectralNorm, layers, conditioning, auxiliaryClassifier, null, null);
    }

    public DcganDiscriminatorSpec(int[] channels, Double leakySlope, Boolean batchNorm, Boolean spectralNorm, LayerEngine layers) {
        this(channels, leakySlope, batchNorm, spectralNorm, layers, null, null);
    }

    public DcganDiscriminatorSpec(int[] channels, Double leakySlope, Boolean batchNorm, LayerEngine layers) {
        this(channels, leakySlope, batchNorm, null, layers, null, null);
    }

    public DcganDiscriminatorSpec(int[] channels, Double leakySlope, Boolean batchNorm) {
        this(channels, leakySlope, batchNorm, null, null, null, null);
    }

    /** A copy, so that the spec stays as it was checked. */
    @Override
    public int[] channels() {
        return channels == null ? null : channels.clone();
    }

    @Override
    public Discriminator create(ModelContext context) {
        Shape shape = context.dataShape();
        if (!shape.isImage()) {
            throw new InvalidValueException("type", "dcgan judges images [channels, height, width] but the data has shape " + shape);
        }
        Conditioning.requireFastLayers(context, layers);
        DcganLayout form = DcganLayout.resolve(layout, shape);
        int[] channels = DcganLayout.channels(this.channels, width, shape, form, PROJECTION_CHANNELS, false);
        long factor = 1L << Math.min(channels.length, 62);
        if (shape.height() % factor != 0 || shape.width() % factor != 0) {
            throw new InvalidValueException("channels", channels.length + " strided convolutions need image sides divisible by "
                    + factor + ", found " + shape.height() + "x" + shape.width());
        }
        if (layers == LayerEngine.FAST) {
            boolean bias = form.biases();
            FastNetwork.Builder fast = FastNetwork.builder(shape, context.dataType()).spectralNorm(spectralNorm);
            for (int i = 0; i < channels.length; i++) {
                fast.conv(channels[i], 4, 2, 1, bias);
                if (batchNorm && i > 0) {
                    fast.batchNorm();
                }
                fast.leakyRelu(leakySlope);
            }
            return conditioning.build(fast, shape, context, spectralNorm, auxiliaryClassifier, bias);
        }
        form.requireStockLayersCanBuild(shape);
        NeuralNetConfiguration.ListBuilder list = Dl4jDefaults.builder(context)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
        int in = shape.channels();
        for (int i = 0; i < channels.length; i++) {
            boolean normalise = batchNorm && i > 0;
            list.layer(new ConvolutionLayer.Builder()
                    .nIn(in).nOut(channels[i])
                    .kernelSize(4, 4).stride(2, 2).padding(1, 1)
                    .activation(normalise ? Activation.IDENTITY.getActivationFunction() : new ActivationLReLU(leakySlope))
                    .build());
            if (normalise) {
                list.layer(new BatchNormalization.Builder().build())
                        .layer(new ActivationLayer.Builder().activation(new ActivationLReLU(leakySlope)).build());
            }
            in = channels[i];
        }
        list.layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        list.setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return new NetworkDiscriminator(shape, 0, new MultiLayerNetworkAdapter(net, shape, Shape.vector(1)));
    }
}
