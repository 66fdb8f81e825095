package dev.gan4j.models;

import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.nn.Dl4jDefaults;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import dev.gan4j.core.nn.NetworkGenerator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * The DCGAN generator (Radford et al. 2016): a projection of z to {@code channels[0]} feature maps at 1/2^k of the
 * image size, then k transposed convolutions (kernel 4, stride 2, padding 1), batch norm and ReLU between them, tanh
 * at the end, in one of the two reference forms of {@link DcganLayout}.
 *
 * <p>At 64x64 RGB with its defaults it is layer for layer the generator of PyTorch's DCGAN example (z 100, ngf 64):
 * ConvTranspose(100, 512, 4, 1, 0), BN, ReLU, ConvTranspose(512, 256), BN, ReLU, ... ConvTranspose(64, 3), Tanh, no
 * biases. On 28x28 data it is the DCGAN-28 of the PyTorch reference: Linear(100, 128*7*7), BN1d, ReLU,
 * ConvTranspose(128, 64), BN, ReLU, ConvTranspose(64, 1), Tanh.
 *
 * <p>{@code spectralNorm} divides the weight of the projection and of every transposed convolution by
 * its largest singular value (Miyato et al. 2018, "Spectral Normalization for Generative Adversarial
 * Networks"); SN-GAN normalizes only the discriminator, later work (Zhang et al. 2019, SAGAN) both.
 *
 * <p>{@code conditionalBatchNorm} turns every batch norm into a conditional batch norm (de Vries et al. 2017):
 * batch norm without its own scale and shift, then {@code * (1 + c W_gamma) + c W_beta} per channel (per feature
 * for the batch norm after the projection in the {@code projection} layout), the maps learned from zero, as in the
 * generators of Miyato &amp; Koyama 2018 and BigGAN (Brock et al. 2019). The condition c also still joins z at the
 * input. It needs a conditional experiment: in an unconditional one the option is an error naming it.
 *
 * @param latentDim    size of z
 * @param channels     feature maps after the projection and after each upsampling but the last
 * @param width        instead of {@code channels}: the maps of the last stage (PyTorch's ngf, default 64), doubled per
 *                     stage towards the 4x4 start
 * @param layout       {@code pytorch} (default for square power-of-two images) or {@code projection} (default otherwise)
 * @param spectralNorm spectral normalization of the projection and every transposed convolution (default
 *                     false; needs the fast layers)
 * @param layers       {@code fast} (default) or {@code dl4j} stock layers ({@code projection} layout only)
 * @param conditionalBatchNorm batch norms modulated by the condition (default false; needs the fast layers and a
 *                     conditional experiment)
 */
public record DcganGeneratorSpec(Integer latentDim, int[] channels, Integer width, DcganLayout layout, Boolean spectralNorm,
                                 LayerEngine layers, Boolean conditionalBatchNorm) implements GeneratorSpec {
    private static final int[] PROJECTION_CHANNELS = {128, 64};

    public DcganGeneratorSpec {
        latentDim = Checks.positive("latentDim", latentDim, 100);
        channels = channels == null ? null : Checks.positiveAll("channels", channels, channels);
        width = width == null ? null : Checks.positive("width", width, 0);
        layers = LayerEngine.orDefault(layers);
        spectralNorm = LayerEngine.spectralNorm(spectralNorm, layers);
        conditionalBatchNorm = ConditionalBatchNorm.option(conditionalBatchNorm, layers);
    }

    public DcganGeneratorSpec(Integer latentDim, int[] channels, Boolean spectralNorm, LayerEngine layers,
                              Boolean conditionalBatchNorm) {
        this(latentDim, channels, null, null, spectralNorm, layers, conditionalBatchNorm);
    }

    public DcganGeneratorSpec(Integer latentDim, int[] channels, Boolean spectralNorm, LayerEngine layers) {
        this(latentDim, channels, spectralNorm, layers, null);
    }

    public DcganGeneratorSpec(Integer latentDim, int[] channels, LayerEngine layers) {
        this(latentDim, channels, null, layers);
    }

    public DcganGeneratorSpec(Integer latentDim, int[] channels) {
        this(latentDim, channels, null, null);
    }

    /** A copy, so that the spec stays as it was checked. */
    @Override
    public int[] channels() {
        return channels == null ? null : channels.clone();
    }

    @Override
    public Generator create(ModelContext context) {
        Shape shape = context.dataShape();
        if (!shape.isImage()) {
            throw new InvalidValueException("type", "dcgan generates images [channels, height, width] but the data has shape " + shape);
        }
        DcganLayout form = DcganLayout.resolve(layout, shape);
        int[] maps = DcganLayout.channels(channels, width, shape, form, PROJECTION_CHANNELS, true);
        long factor = 1L << Math.min(maps.length, 62);
        if (shape.height() % factor != 0 || shape.width() % factor != 0) {
            throw new InvalidValueException("channels", maps.length + " upsampling stages need image sides divisible by "
                    + factor + ", found " + shape.height() + "x" + shape.width());
        }
        int h0 = (int) (shape.height() / factor);
        int w0 = (int) (shape.width() / factor);
        int in = latentDim + context.conditionDim();
        if (layers == LayerEngine.FAST) {
            boolean bias = form.biases();
            Shape start = Shape.image(maps[0], h0, w0);
            FastNetwork.Builder fast = FastNetwork.builder(Shape.vector(in), context.dataType()).spectralNorm(spectralNorm);
            ConditionalBatchNorm.declare(fast, conditionalBatchNorm, context);
            // PyTorch's ConvTranspose2d(z, c0, 4, 1, 0) of z as a 1x1 map is this product, its weight [z, c0, 4, 4] laid out alike
            fast.dense(maps[0] * h0 * w0, bias);
            if (form == DcganLayout.PYTORCH) {
                fast.reshape(start);
                ConditionalBatchNorm.batchNorm(fast, conditionalBatchNorm).relu();
            } else {
                ConditionalBatchNorm.batchNorm(fast, conditionalBatchNorm).relu().reshape(start);
            }
            for (int i = 1; i < maps.length; i++) {
                fast.deconv(maps[i], 4, 2, 1, bias);
                ConditionalBatchNorm.batchNorm(fast, conditionalBatchNorm).relu();
            }
            fast.deconv(shape.channels(), 4, 2, 1, bias).tanh();
            return new NetworkGenerator(latentDim, context.conditionDim(), shape,
                    fast.build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD));
        }
        form.requireStockLayersCanBuild(shape);
        NeuralNetConfiguration.ListBuilder list = Dl4jDefaults.builder(context)
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new DenseLayer.Builder().nIn(in).nOut((long) maps[0] * h0 * w0).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        int layer = 3;
        list.inputPreProcessor(layer, new FeedForwardToCnnPreProcessor(h0, w0, maps[0]));
        for (int i = 1; i < maps.length; i++) {
            list.layer(upsample(maps[i - 1], maps[i], Activation.IDENTITY))
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        list.layer(upsample(maps[maps.length - 1], shape.channels(), Activation.TANH));
        list.setInputType(InputType.feedForward(in));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        Shape input = Shape.vector(in);
        return new NetworkGenerator(latentDim, context.conditionDim(), shape,
                new MultiLayerNetworkAdapter(net, input, shape));
    }

    private static Deconvolution2D upsample(int in, int out, Activation activation) {
        return new Deconvolution2D.Builder()
                .nIn(in).nOut(out)
                .kernelSize(4, 4).stride(2, 2).padding(1, 1)
                .activation(activation)
                .build();
    }
}
