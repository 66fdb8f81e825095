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
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * A fully connected generator, the architecture of the original GAN (Goodfellow et al. 2014): hidden
 * layers with ReLU (and batch norm if asked), a tanh output (or a linear one for unbounded data such
 * as the 2-D mixtures) reshaped to the data's shape. Works for any data shape, images or vectors.
 *
 * @param latentDim    size of z
 * @param hidden       widths of the hidden layers
 * @param batchNorm    batch norm after every hidden layer (default false)
 * @param output       {@code tanh} (default) or {@code linear}
 * @param spectralNorm divide every layer's weight by its largest singular value (Miyato et al. 2018,
 *                     "Spectral Normalization for Generative Adversarial Networks"); default false, needs
 *                     the fast layers
 * @param layers       {@code fast} (default) or {@code dl4j} stock layers
 * @param conditionalBatchNorm the batch norms modulated by the condition (de Vries et al. 2017; see
 *                     {@link DcganGeneratorSpec}); default false, needs {@code batchNorm}, the fast layers and a
 *                     conditional experiment
 */
public record MlpGeneratorSpec(Integer latentDim, int[] hidden, Boolean batchNorm, String output, Boolean spectralNorm,
                               LayerEngine layers, Boolean conditionalBatchNorm) implements GeneratorSpec {
    public MlpGeneratorSpec {
        latentDim = Checks.positive("latentDim", latentDim, 100);
        hidden = Checks.positiveAll("hidden", hidden, new int[] {256, 512});
        batchNorm = batchNorm != null && batchNorm;
        output = output == null ? "tanh" : output;
        if (!output.equals("tanh") && !output.equals("linear")) {
            throw new InvalidValueException("output", "must be \"tanh\" (images in [-1, 1]) or \"linear\" (unbounded data), found '"
                    + output + "'");
        }
        layers = LayerEngine.orDefault(layers);
        spectralNorm = LayerEngine.spectralNorm(spectralNorm, layers);
        conditionalBatchNorm = ConditionalBatchNorm.option(conditionalBatchNorm, layers);
        if (conditionalBatchNorm && !batchNorm) {
            throw new InvalidValueException(ConditionalBatchNorm.FIELD, "makes the batch norms conditional, so it needs"
                    + " \"batchNorm\": true");
        }
    }

    public MlpGeneratorSpec(Integer latentDim, int[] hidden, Boolean batchNorm, String output, Boolean spectralNorm,
                            LayerEngine layers) {
        this(latentDim, hidden, batchNorm, output, spectralNorm, layers, null);
    }

    public MlpGeneratorSpec(Integer latentDim, int[] hidden, Boolean batchNorm, String output, LayerEngine layers) {
        this(latentDim, hidden, batchNorm, output, null, layers);
    }

    public MlpGeneratorSpec(Integer latentDim, int[] hidden, Boolean batchNorm, LayerEngine layers) {
        this(latentDim, hidden, batchNorm, null, null, layers);
    }

    public MlpGeneratorSpec(Integer latentDim, int[] hidden, Boolean batchNorm) {
        this(latentDim, hidden, batchNorm, null, null, null);
    }

    /** A copy, so that the spec stays as it was checked. */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public Generator create(ModelContext context) {
        Shape shape = context.dataShape();
        int in = latentDim + context.conditionDim();
        if (layers == LayerEngine.FAST) {
            FastNetwork.Builder fast = FastNetwork.builder(Shape.vector(in), context.dataType()).spectralNorm(spectralNorm);
            ConditionalBatchNorm.declare(fast, conditionalBatchNorm, context);
            for (int width : hidden) {
                fast.dense(width);
                if (batchNorm) {
                    ConditionalBatchNorm.batchNorm(fast, conditionalBatchNorm);
                }
                fast.relu();
            }
            fast.dense((int) shape.size());
            if (output.equals("tanh")) {
                fast.tanh();
            }
            fast.reshape(shape);
            return new NetworkGenerator(latentDim, context.conditionDim(), shape,
                    fast.build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD));
        }
        NeuralNetConfiguration.ListBuilder list = Dl4jDefaults.builder(context).list();
        int previous = in;
        for (int width : hidden) {
            if (batchNorm) {
                list.layer(new DenseLayer.Builder().nIn(previous).nOut(width).activation(Activation.IDENTITY).build())
                        .layer(new BatchNormalization.Builder().build())
                        .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            } else {
                list.layer(new DenseLayer.Builder().nIn(previous).nOut(width).activation(Activation.RELU).build());
            }
            previous = width;
        }
        list.layer(new DenseLayer.Builder().nIn(previous).nOut(shape.size())
                .activation(output.equals("tanh") ? Activation.TANH : Activation.IDENTITY).build());
        list.setInputType(InputType.feedForward(in));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return new NetworkGenerator(latentDim, context.conditionDim(), shape, new MultiLayerNetworkAdapter(net,
                Shape.vector(in), Shape.vector(in), Shape.vector((int) shape.size()), shape));
    }
}
