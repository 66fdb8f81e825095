package dev.gan4j.trainers;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.api.Unconditional;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.models.DcganDiscriminatorSpec;
import dev.gan4j.models.DcganGeneratorSpec;
import dev.gan4j.models.DcganLayout;
import dev.gan4j.models.LayerEngine;
import dev.gan4j.models.MlpDiscriminatorSpec;
import dev.gan4j.models.MlpGeneratorSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast layers compute what DL4J's stock layers compute: with the same weights, the same outputs,
 * and after several full training steps (D and G updates, Adam) the same weights.
 */
@ExtendWith(DoublePrecision.class)
class FastVersusStockLayersTest {
    private static final List<String> TRAINABLE = List.of("W", "b", "gamma", "beta");
    /**
     * Every weight agrees to 1e-8 except the bias of a layer followed by batch norm: its true gradient
     * is zero, and what each engine computes for it is rounding noise (about 1e-7 relative in libnd4j's
     * {@code batchnorm_bp}), which Adam scales up towards a full step. Those biases are checked to stay
     * near their initial zero instead.
     */
    @ParameterizedTest
    @CsvSource({"sgd, 1e-8", "adam, 1e-8"})
    void dcganTrainsIdenticallyOnBothEngines(String optimizer, double tolerance) {
        Shape shape = Shape.image(1, 8, 8);
        IUpdater updater = updater(optimizer);
        compare(shape, tolerance,
                e -> new DcganGeneratorSpec(6, new int[] {8, 4}, null, DcganLayout.PROJECTION, null, e, null).create(context(shape, updater)),
                e -> new DcganDiscriminatorSpec(new int[] {4, 8}, 0.2, true, null, e, null, null, null, DcganLayout.PROJECTION)
                        .create(context(shape, updater)));
    }

    @ParameterizedTest
    @CsvSource({"sgd, 1e-8", "adam, 1e-8"})
    void mlpTrainsIdenticallyOnBothEngines(String optimizer, double tolerance) {
        Shape shape = Shape.image(1, 4, 4);
        IUpdater updater = updater(optimizer);
        compare(shape, tolerance,
                e -> new MlpGeneratorSpec(5, new int[] {12}, true, e).create(context(shape, updater)),
                e -> new MlpDiscriminatorSpec(new int[] {10}, 0.2, e).create(context(shape, updater)));
    }

    private static IUpdater updater(String name) {
        return name.equals("sgd") ? new Sgd(0.1) : new Adam(1e-3, 0.5, 0.999, 1e-8);
    }

    private static void compare(Shape shape, double tolerance, java.util.function.Function<LayerEngine, Generator> generators,
                                java.util.function.Function<LayerEngine, Discriminator> discriminators) {
        Generator stockG = generators.apply(LayerEngine.DL4J);
        Discriminator stockD = discriminators.apply(LayerEngine.DL4J);
        Generator fastG = generators.apply(LayerEngine.FAST);
        Discriminator fastD = discriminators.apply(LayerEngine.FAST);
        fastG.network().setParameters(trainable(stockG.network()));
        fastD.network().setParameters(trainable(stockD.network()));

        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.DOUBLE, 6, stockG.latentDim());
        INDArray stockOut = stockG.network().forward(z, true).dup();
        INDArray fastOut = fastG.network().forward(z, true).dup();
        assertClose(stockOut, fastOut, 1e-10, "generator output");
        assertClose(stockD.network().forward(stockOut, true).dup(), fastD.network().forward(fastOut, true).dup(), 1e-10,
                "discriminator logits");

        GanModel stock = new GanModel(stockG, stockD, Unconditional.INSTANCE);
        GanModel fast = new GanModel(fastG, fastD, Unconditional.INSTANCE);
        AlternatingStrategy strategy = new AlternatingStrategy(AdversarialLoss.NON_SATURATING);
        for (int step = 0; step < 4; step++) {
            Nd4j.getRandom().setSeed(100 + step);
            INDArray real = Nd4j.rand(DataType.DOUBLE, shape.withBatch(6)).muli(2).subi(1);
            INDArray latent = Nd4j.randn(DataType.DOUBLE, 6, stockG.latentDim());
            Map<String, Double> a = strategy.step(stock, new Batch(real, null), context(step, latent));
            Map<String, Double> b = strategy.step(fast, new Batch(real, null), context(step, latent));
            for (String key : a.keySet()) {
                assertEquals(a.get(key), b.get(key), 1e-8, key + " at step " + step);
            }
            assertWeightsClose(stockG.network(), fastG.network(), tolerance, "generator weights after step " + step);
            assertWeightsClose(stockD.network(), fastD.network(), tolerance, "discriminator weights after step " + step);
        }
    }

    /** The stock network's trainable parameters in the fast layout: per layer W, b, gamma, beta, each flattened in C order. */
    private static INDArray trainable(TrainableNetwork network) {
        MultiLayerNetwork net = ((MultiLayerNetworkAdapter) network).network();
        List<INDArray> parts = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            for (String key : TRAINABLE) {
                INDArray param = layer.paramTable().get(key);
                if (param != null) {
                    parts.add(param.dup('c').reshape(param.length()));
                }
            }
        }
        return Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }

    private static void assertWeightsClose(TrainableNetwork stock, TrainableNetwork fast, double tolerance, String what) {
        INDArray expected = trainable(stock);
        INDArray actual = fast.parameters();
        assertEquals(expected.length(), actual.length(), what + ": sizes");
        boolean[] skip = preBatchNormBiases(stock);
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        int compared = 0;
        for (int i = 0; i < expected.length(); i++) {
            if (skip[i]) {
                assertEquals(0, actual.getDouble(i), 1e-2, what + ", bias before batch norm " + i);
            } else {
                assertEquals(expected.getDouble(i), actual.getDouble(i), tolerance * scale, what + ", parameter " + i);
                compared++;
            }
        }
        assertTrue(compared > expected.length() * 0.9, what + ": compared " + compared + " of " + expected.length());
    }

    /** Marks, in the layout of {@link #trainable}, the biases of layers that a batch-norm layer follows. */
    private static boolean[] preBatchNormBiases(TrainableNetwork network) {
        MultiLayerNetwork net = ((MultiLayerNetworkAdapter) network).network();
        List<Boolean> marks = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            boolean beforeBatchNorm = i + 1 < layers.length
                    && layers[i + 1] instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization;
            for (String key : TRAINABLE) {
                INDArray param = layers[i].paramTable().get(key);
                if (param != null) {
                    for (long j = 0; j < param.length(); j++) {
                        marks.add(beforeBatchNorm && key.equals("b"));
                    }
                }
            }
        }
        boolean[] result = new boolean[marks.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = marks.get(i);
        }
        return result;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(expected.length(), actual.length(), what + ": sizes");
        double diff = expected.reshape(expected.length()).sub(actual.reshape(actual.length())).amaxNumber().doubleValue();
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        assertTrue(diff <= tolerance * scale, what + ": max difference " + diff);
    }

    private static StepContext context(long step, INDArray latent) {
        return new StepContext() {
            @Override
            public long step() {
                return step;
            }

            @Override
            public INDArray sampleLatent(int n) {
                return latent;
            }

            @Override
            public INDArray sampleNormal(long... shape) {
                throw new UnsupportedOperationException("no noise in this test");
            }

            @Override
            public INDArray sampleUniform(long... shape) {
                throw new UnsupportedOperationException("no noise in this test");
            }
        };
    }

    private static ModelContext context(Shape shape, IUpdater updater) {
        return new ModelContext(shape, 0, 17, updater, DataType.DOUBLE);
    }
}
