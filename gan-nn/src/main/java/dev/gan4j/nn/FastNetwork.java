package dev.gan4j.nn;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.nn.NetworkStates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A feed-forward network of {@link Layer}s: libnd4j ops on reused buffers, one flat parameter
 * vector, one flat gradient vector, and ND4J's optimizer implementations applied to the whole vector.
 * It skips what a step does not need: parameter gradients when only the input gradient is asked for
 * (D during G's update) and the first layer's input gradient when only parameters learn (D's own update).
 *
 * <p>Layers are built-in or a plugin's own ({@link Layer} is the SPI, {@link Builder#add} takes any), and blocks
 * ({@link Builder#residual}, {@link Builder#sequence}) nest: the network reaches the layers inside them for
 * conditions, spectral norms and frozen activation patterns, and binds every one to its stretch of the flat vectors.
 *
 * <p>One thread at a time: the layers keep the activations of the last pass, and a training-mode pass keeps a
 * reference to its input, which must not change until the backward pass that follows.
 *
 * <p>A network built {@link Builder#conditioned conditioned} reads the last columns of its input as the
 * condition of each example: the whole input still goes to the first layer, and the layers that modulate their
 * output by the condition ({@link Builder#conditionalBatchNorm}, {@link Builder#conditionMap}), in blocks too, get those
 * columns as well. Their gradients with
 * respect to the condition are added to those columns of the input gradient, so whatever produced the
 * condition (a conditioning augmentation) learns from every path the condition takes through this network.
 */
public final class FastNetwork implements TrainableNetwork {
    private static final int STATE_MAGIC = 0x47414E46; // "GANF"

    private final List<Layer> layers;
    private final Shape inputShape;
    private final Shape outputShape;
    private final INDArray parameters;
    private final INDArray gradients;
    private final INDArray state;
    private final INDArray accumulated;
    private final INDArray updaterState;
    private final GradientUpdater updater;
    private final int conditionDim;
    private final List<ConditionedLayer> conditionedLayers;
    private final Buffers buffers;
    private long[] forwardNanos;
    private long[] backwardNanos;
    private boolean hasAccumulated;
    private boolean trainingForward;
    private int iteration;

    private FastNetwork(List<Layer> layers, Shape inputShape, int conditionDim, DataType dataType, IUpdater updaterConfig,
                        long seed, double weightStd) {
        this.layers = List.copyOf(layers);
        this.inputShape = inputShape;
        this.conditionDim = conditionDim;
        this.conditionedLayers = everyLayer(layers).filter(ConditionedLayer.class::isInstance).map(ConditionedLayer.class::cast).toList();
        this.buffers = new Buffers(dataType);
        this.outputShape = layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
        long parameterCount = layers.stream().mapToLong(Layer::parameterCount).sum();
        long stateCount = layers.stream().mapToLong(Layer::stateCount).sum();
        this.parameters = Nd4j.zeros(dataType, Math.max(1, parameterCount));
        this.gradients = Nd4j.zeros(dataType, Math.max(1, parameterCount));
        this.accumulated = Nd4j.zeros(dataType, Math.max(1, parameterCount));
        this.state = Nd4j.zeros(dataType, Math.max(1, stateCount));
        Sequence.bindAll(this.layers, parameters, gradients, state);
        NormalSampler normal = new NormalSampler(seed);
        for (Layer layer : layers) {
            layer.initialize(weightStd, normal);
        }
        long updaterSize = updaterConfig.stateSize(parameterCount);
        this.updaterState = updaterSize > 0 ? Nd4j.zeros(dataType, 1, updaterSize) : null;
        this.updater = updaterConfig.instantiate(updaterState, true);
    }

    /** The layers and, depth first, the layers of their blocks. */
    private static Stream<Layer> everyLayer(List<Layer> layers) {
        return layers.stream().flatMap(layer -> Stream.concat(Stream.of(layer), everyLayer(layer.children())));
    }

    public static Builder builder(Shape inputShape, DataType dataType) {
        return new Builder(inputShape, dataType);
    }

    public Shape inputShape() {
        return inputShape;
    }

    public Shape outputShape() {
        return outputShape;
    }

    /** How many columns at the end of the input are the condition of each example; 0 unless {@link Builder#conditioned}. */
    public int conditionDim() {
        return conditionDim;
    }

    /**
     * Whether the input rows are an image followed by its condition, {@code [n, c h w + conditionDim]}: a conditioned
     * network of image input, such as a discriminator that joins the condition to its feature maps
     * ({@link Builder#conditionMap}). Its layers see the image; its input gradient has the rows' width.
     */
    public boolean imageWithCondition() {
        return conditionDim > 0 && inputShape.dims().length != 1;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return forward(input, training, false);
    }

    @Override
    public INDArray forwardNear(INDArray input) {
        if (!trainingForward) {
            throw new IllegalStateException("forwardNear needs a training-mode forward pass first");
        }
        everyLayer(layers).forEach(Layer::freeze);
        return forward(input, true, true);
    }

    private INDArray forward(INDArray input, boolean training, boolean near) {
        long n = input.size(0);
        INDArray x;
        INDArray withCondition;
        long first;
        if (imageWithCondition()) {
            long size = inputShape.size();
            withCondition = input.reshape('c', n, size + conditionDim);
            x = buffers.get(training ? "image" : "imagei", n, size)
                    .assign(withCondition.get(NDArrayIndex.all(), NDArrayIndex.interval(0, size)))
                    .reshape('c', inputShape.withBatch(n));
            first = size;
        } else {
            long[] expected = inputShape.withBatch(n);
            x = Arrays.equals(input.shape(), expected) ? input : input.reshape('c', expected);
            withCondition = x;
            first = inputShape.size() - conditionDim;
        }
        if (!conditionedLayers.isEmpty()) {
            INDArray conditions = buffers.get(training ? "conditions" : "conditionsi", n, conditionDim)
                    .assign(withCondition.get(NDArrayIndex.all(), NDArrayIndex.interval(first, first + conditionDim)));
            conditionedLayers.forEach(layer -> layer.condition(conditions));
        }
        for (int i = 0; i < layers.size(); i++) {
            long start = forwardNanos == null ? 0 : System.nanoTime();
            x = near ? layers.get(i).forwardNear(x) : layers.get(i).forward(x, training);
            if (forwardNanos != null) {
                forwardNanos[i] += System.nanoTime() - start;
            }
        }
        trainingForward = training;
        return x;
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return backward(outputGradient, true, true);
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return backward(outputGradient, false, true);
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        backward(outputGradient, true, false);
    }

    private INDArray backward(INDArray outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (!trainingForward) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        long[] expected = outputShape.withBatch(outputGradient.size(0));
        INDArray g = Arrays.equals(outputGradient.shape(), expected) ? outputGradient : outputGradient.reshape('c', expected);
        for (int i = layers.size() - 1; i >= 0; i--) {
            long start = backwardNanos == null ? 0 : System.nanoTime();
            g = layers.get(i).backward(g, parameterGradients, inputGradient || i > 0);
            if (backwardNanos != null) {
                backwardNanos[i] += System.nanoTime() - start;
            }
        }
        if (inputGradient && (imageWithCondition() || !conditionedLayers.isEmpty())) {
            long n = g.size(0);
            INDArray conditionGradient = buffers.get("conditionGradient", n, conditionDim).assign(0);
            conditionedLayers.forEach(layer -> layer.addConditionGradient(conditionGradient));
            if (imageWithCondition()) {
                long size = inputShape.size();
                INDArray full = buffers.get("inputGradient", n, size + conditionDim);
                full.get(NDArrayIndex.all(), NDArrayIndex.interval(0, size)).assign(g.reshape('c', n, size));
                full.get(NDArrayIndex.all(), NDArrayIndex.interval(size, size + conditionDim)).assign(conditionGradient);
                g = full;
            } else {
                long first = inputShape.size() - conditionDim;
                g.get(NDArrayIndex.all(), NDArrayIndex.interval(first, first + conditionDim)).addi(conditionGradient);
            }
        }
        if (parameterGradients) {
            if (hasAccumulated) {
                accumulated.addi(gradients);
            } else {
                accumulated.assign(gradients);
                hasAccumulated = true;
            }
        }
        return g;
    }

    @Override
    public void applyGradients(int batchSize) {
        if (!hasAccumulated) {
            throw new IllegalStateException("no gradient to apply: call backward first");
        }
        accumulated.divi(batchSize);
        updater.applyUpdater(accumulated, iteration, 0);
        parameters.subi(accumulated);
        iteration++;
        hasAccumulated = false;
    }

    @Override
    public void discardGradients() {
        hasAccumulated = false;
    }

    @Override
    public INDArray accumulatedGradient() {
        return hasAccumulated ? accumulated.dup() : null;
    }

    @Override
    public void blendFrom(TrainableNetwork source, double weight) {
        if (!(source instanceof FastNetwork other) || other.parameters.length() != parameters.length()
                || other.state.length() != state.length()) {
            throw new IllegalArgumentException("can only blend from a fast network of the same architecture");
        }
        // axpy in place: other.parameters.mul(weight) would leave a parameter-sized array as garbage at every step
        parameters.muli(1 - weight);
        Nd4j.getBlasWrapper().level1().axpy(parameters.length(), weight, other.parameters, parameters);
        state.muli(1 - weight);
        Nd4j.getBlasWrapper().level1().axpy(state.length(), weight, other.state, state);
    }

    @Override
    public boolean couplesExamples() {
        return layers.stream().anyMatch(Layer::couplesExamples);
    }

    @Override
    public long updateCount() {
        return iteration;
    }

    @Override
    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    @Override
    public INDArray parameters() {
        return parameters.dup();
    }

    @Override
    public void setParameters(INDArray flat) {
        if (flat.length() != parameters.length()) {
            throw new IllegalArgumentException("expected " + parameters.length() + " parameters, found " + flat.length());
        }
        parameters.assign(flat.reshape(parameters.shape()));
    }

    /** Starts (or restarts) timing every layer's forward and backward calls, for {@link #profile()}. */
    public void startProfiling() {
        forwardNanos = new long[layers.size()];
        backwardNanos = new long[layers.size()];
    }

    /** Time spent per layer since {@link #startProfiling()}, one line each: layer, shapes, forward and backward milliseconds. */
    public List<String> profile() {
        List<String> lines = new ArrayList<>();
        int width = Math.max(18, layers.stream().mapToInt(layer -> layer.name().length()).max().orElse(0));
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            lines.add(String.format(java.util.Locale.ROOT, "%-" + width + "s %-14s -> %-14s forward %8.1f ms  backward %8.1f ms",
                    layer.name(), layer.inputShape(), layer.outputShape(),
                    forwardNanos == null ? 0 : forwardNanos[i] / 1e6, backwardNanos == null ? 0 : backwardNanos[i] / 1e6));
        }
        return lines;
    }

    /** A copy of the non-trainable state (batch-norm running means and variances, spectral-norm vectors u), flattened. */
    public INDArray state() {
        return state.dup();
    }

    /** The spectral normalizations of the layers that have one, blocks' layers included, in layer order. */
    public List<SpectralNorm> spectralNorms() {
        return everyLayer(layers).map(Layer::spectralNorm).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        NetworkStates.write(out, STATE_MAGIC, iteration, 0, parameters, state, updaterState);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        NetworkStates.Saved saved = NetworkStates.read(in, STATE_MAGIC, 3);
        NetworkStates.requireFits(saved.arrays().get(0), parameters, "parameters");
        NetworkStates.requireFits(saved.arrays().get(1), state, "non-trainable state (batch-norm statistics, spectral-norm vectors)");
        NetworkStates.requireFits(saved.arrays().get(2), updaterState, "optimizer state");
        NetworkStates.assign(saved.arrays().get(0), parameters);
        NetworkStates.assign(saved.arrays().get(1), state);
        NetworkStates.assign(saved.arrays().get(2), updaterState);
        iteration = saved.iteration();
        hasAccumulated = false;
    }

    /**
     * Adds layers one after the other, each taking the previous one's output shape. The same builder describes the
     * paths of blocks ({@link #residual}, {@link #sequence}): such a nested builder starts from the current shape and
     * inherits the spectral-norm switch and the declared condition.
     */
    public static final class Builder {
        private final Shape inputShape;
        private final DataType dataType;
        private final boolean nested;
        private final List<Layer> layers = new ArrayList<>();
        private Shape current;
        private boolean spectralNorm;
        private int conditionDim;

        private Builder(Shape inputShape, DataType dataType) {
            this(inputShape, dataType, false);
        }

        private Builder(Shape inputShape, DataType dataType, boolean nested) {
            this.inputShape = requireNonNull(inputShape, "inputShape is null");
            this.dataType = requireNonNull(dataType, "dataType is null");
            this.nested = nested;
            this.current = inputShape;
        }

        public Shape currentShape() {
            return current;
        }

        /** The data type the network computes in; a plugin's layer allocates its buffers in it. */
        public DataType dataType() {
            return dataType;
        }

        /** The size of the declared condition ({@link #conditioned}), 0 when there is none. */
        public int conditionDim() {
            return conditionDim;
        }

        /** Whether layers added now get spectral normalization ({@link #spectralNorm(boolean)}). */
        public boolean spectralNormEnabled() {
            return spectralNorm;
        }

        /**
         * Adds any layer, a plugin's own included; it must take the {@link #currentShape()}. A {@link ConditionedLayer}
         * needs {@link #conditioned} first.
         */
        public Builder add(Layer layer) {
            requireNonNull(layer, "layer is null");
            if (!layer.inputShape().equals(current)) {
                throw new IllegalArgumentException(layer.name() + " takes " + layer.inputShape() + " but the layers before it give "
                        + current);
            }
            if (layer instanceof ConditionedLayer && conditionDim == 0) {
                throw new IllegalStateException(layer.name() + " reads the condition: declare it with conditioned(conditionDim) first");
            }
            layers.add(layer);
            current = layer.outputShape();
            return this;
        }

        /**
         * Switches spectral normalization (Miyato et al. 2018, "Spectral Normalization for Generative
         * Adversarial Networks") on or off for the {@link #dense}, {@link #conv} and {@link #deconv} layers
         * added after this call. Such a layer computes with W / sigma(W), sigma the largest singular value
         * of its weight with one row per output channel, estimated by one power-iteration step per
         * training-mode forward; it bounds each layer's Lipschitz constant, the way SN-GAN stabilises a
         * discriminator. Biases, batch norm and activations are left alone; the parameter count does not
         * change, and each normalized layer adds one state vector (one value per output channel) that
         * checkpoints save with the batch-norm statistics. Off by default; blocks inherit the setting.
         */
        public Builder spectralNorm(boolean enabled) {
            this.spectralNorm = enabled;
            return this;
        }

        /** A fully connected layer; image input is flattened first. */
        public Builder dense(int out) {
            return dense(out, true);
        }

        /** A fully connected layer, with a bias or (a plain linear map, such as an embedding) without. */
        public Builder dense(int out, boolean bias) {
            if (out <= 0) {
                throw new IllegalArgumentException("a dense layer needs out > 0, found " + out);
            }
            if (current.dims().length != 1) {
                reshape(Shape.vector((int) current.size()));
            }
            return add(new DenseLayer((int) current.size(), out, bias, spectralNorm, dataType));
        }

        /** A convolution with a bias; see {@link #conv(int, int, int, int, boolean)}. */
        public Builder conv(int out, int kernel, int stride, int padding) {
            return conv(out, kernel, stride, padding, true);
        }

        /**
         * A square convolution, PyTorch's {@code Conv2d(in, out, kernel, stride, padding, bias=bias)}: any kernel, so
         * 1x1 projections and the 3x3 and 9x9 convolutions of residual networks too ({@code padding = (kernel - 1) / 2}
         * keeps an odd kernel's map the same size at stride 1).
         */
        public Builder conv(int out, int kernel, int stride, int padding, boolean bias) {
            checkConvolution(out, kernel, stride, padding);
            return add(new ConvolutionLayer(false, current, out, kernel, stride, padding, bias, spectralNorm, dataType));
        }

        /** A transposed convolution with a bias; see {@link #deconv(int, int, int, int, boolean)}. */
        public Builder deconv(int out, int kernel, int stride, int padding) {
            return deconv(out, kernel, stride, padding, true);
        }

        /** A square transposed convolution, PyTorch's {@code ConvTranspose2d(in, out, kernel, stride, padding, bias=bias)}. */
        public Builder deconv(int out, int kernel, int stride, int padding, boolean bias) {
            checkConvolution(out, kernel, stride, padding);
            return add(new ConvolutionLayer(true, current, out, kernel, stride, padding, bias, spectralNorm, dataType));
        }

        private static void checkConvolution(int out, int kernel, int stride, int padding) {
            if (out <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
                throw new IllegalArgumentException("a convolution needs out, kernel and stride > 0 and padding >= 0, found out="
                        + out + " kernel=" + kernel + " stride=" + stride + " padding=" + padding);
            }
        }

        private static int checkFactor(String layer, int factor) {
            if (factor < 2) {
                throw new IllegalArgumentException(layer + " needs a factor of at least 2, found " + factor);
            }
            return factor;
        }

        /** Nearest-neighbour upsampling of an image by {@code factor} (PyTorch's {@code Upsample(scale_factor=factor)}). */
        public Builder upsample(int factor) {
            return add(new UpsamplingLayer(current, checkFactor("upsampling", factor), dataType));
        }

        /** Pixel shuffle by {@code factor}: {@code [c f^2, h, w]} to {@code [c, h f, w f]} in PyTorch's channel order. */
        public Builder pixelShuffle(int factor) {
            return add(new PixelShuffleLayer(current, checkFactor("pixel shuffle", factor), true, dataType));
        }

        /** The inverse of {@link #pixelShuffle} (space to depth): {@code [c, h f, w f]} to {@code [c f^2, h, w]}. */
        public Builder pixelUnshuffle(int factor) {
            return add(new PixelShuffleLayer(current, checkFactor("pixel unshuffle", factor), false, dataType));
        }

        /** Average pooling over non-overlapping {@code kernel x kernel} windows (PyTorch's {@code AvgPool2d(kernel)}). */
        public Builder averagePool(int kernel) {
            return add(new AveragePoolingLayer(current, checkFactor("average pooling", kernel), dataType));
        }

        /** Each channel summed over its pixels: {@code [c, h, w]} to {@code [c]} (the SN-GAN discriminator's pooling). */
        public Builder globalSumPool() {
            return add(new GlobalSumPoolingLayer(current, dataType));
        }

        /**
         * The declared condition replicated over every pixel and joined to the channels: {@code [c, h, w]} to
         * {@code [c + conditionDim, h, w]} (StackGAN's text condition beside image features). Needs {@link #conditioned}.
         */
        public Builder conditionMap() {
            if (conditionDim == 0) {
                throw new IllegalStateException("a condition map tiles the condition: declare it with conditioned(conditionDim) first");
            }
            return add(new ConditionMapLayer(current, conditionDim, dataType));
        }

        public Builder batchNorm() {
            return add(new BatchNormLayer(current, dataType));
        }

        /**
         * Declares that the last {@code conditionDim} columns of the input, a vector {@code [latent..., condition...]}
         * as {@link dev.gan4j.core.api.Generator#input} builds it, are the condition of each example. The first
         * layer still sees the whole input. A network of image input then takes rows {@code [image..., condition...]}
         * ({@link FastNetwork#imageWithCondition}) and its first layer sees the image alone; {@link #conditionalBatchNorm} and {@link #conditionMap} layers, in blocks
         * too, also read the condition, and the network's input gradient then includes their contribution in those
         * columns.
         */
        public Builder conditioned(int conditionDim) {
            if (nested) {
                throw new IllegalStateException("declare the condition on the network's builder, before any block");
            }
            boolean vector = inputShape.dims().length == 1;
            if (conditionDim <= 0 || vector && conditionDim > inputShape.size()) {
                throw new IllegalArgumentException("conditionDim must be in [1, " + inputShape.size() + "] for input " + inputShape
                        + ", found " + conditionDim);
            }
            if (this.conditionDim != 0 && this.conditionDim != conditionDim) {
                throw new IllegalStateException("the condition was already declared with " + this.conditionDim + " columns");
            }
            this.conditionDim = conditionDim;
            return this;
        }

        /**
         * Conditional batch normalization (de Vries et al. 2017, "Modulating early visual processing by language";
         * as in the generators of Miyato &amp; Koyama 2018 and BigGAN, Brock et al. 2019): batch norm without its own
         * scale and shift, then {@code * (1 + c W_gamma) + c W_beta} per channel (per feature for vectors), the
         * two {@code [conditionDim, channels]} maps learned and initially zero, so the layer starts as plain batch norm.
         * Running statistics for inference as in {@link #batchNorm}. Needs {@link #conditioned} first.
         */
        public Builder conditionalBatchNorm() {
            if (conditionDim == 0) {
                throw new IllegalStateException("conditional batch norm reads the condition: declare it with conditioned(conditionDim) first");
            }
            return add(new ConditionalBatchNormLayer(current, conditionDim, dataType));
        }

        public Builder relu() {
            return add(new ActivationLayer(ActivationLayer.Activation.RELU, 0, current, dataType));
        }

        /** Leaky ReLU (Maas et al. 2013), {@code max(x, slope * x)}, which is the function only for slopes in [0, 1]. */
        public Builder leakyRelu(double slope) {
            if (!(slope >= 0 && slope <= 1)) {
                throw new IllegalArgumentException("a leaky ReLU's slope must be in [0, 1], found " + slope);
            }
            return add(new ActivationLayer(ActivationLayer.Activation.LEAKY_RELU, slope, current, dataType));
        }

        public Builder tanh() {
            return add(new ActivationLayer(ActivationLayer.Activation.TANH, 0, current, dataType));
        }

        public Builder sigmoid() {
            return add(new ActivationLayer(ActivationLayer.Activation.SIGMOID, 0, current, dataType));
        }

        public Builder reshape(Shape shape) {
            return add(new ReshapeLayer(current, shape, dataType));
        }

        /**
         * A residual block with an identity skip: {@code x + main(x)}, {@code main} described on a nested builder that
         * starts from the current shape and must end there.
         */
        public Builder residual(Consumer<Builder> main) {
            return residual(main, skip -> {
            });
        }

        /**
         * A residual block {@code main(x) + skip(x)} (He et al. 2016): both paths described on nested builders from the
         * current shape, ending on the same shape; a skip path left empty is the identity.
         */
        public Builder residual(Consumer<Builder> main, Consumer<Builder> skip) {
            return add(new Residual(nestedSequence(main), nestedSequence(skip), dataType));
        }

        /** Layers grouped as one block, so that {@link FastNetwork#profile()} times them together. */
        public Builder sequence(Consumer<Builder> layers) {
            return add(nestedSequence(layers));
        }

        private Sequence nestedSequence(Consumer<Builder> description) {
            Builder nestedBuilder = new Builder(current, dataType, true);
            nestedBuilder.spectralNorm = spectralNorm;
            nestedBuilder.conditionDim = conditionDim;
            description.accept(nestedBuilder);
            return new Sequence(current, nestedBuilder.layers);
        }

        /**
         * @param weightStd weights are drawn from N(0, weightStd), biases are zero, batch-norm scales one
         */
        public FastNetwork build(IUpdater updater, long seed, double weightStd) {
            if (nested) {
                throw new IllegalStateException("a block's builder describes layers; build the network from its own builder");
            }
            return new FastNetwork(layers, inputShape, conditionDim, dataType, requireNonNull(updater, "updater is null"), seed,
                    weightStd);
        }
    }
}
