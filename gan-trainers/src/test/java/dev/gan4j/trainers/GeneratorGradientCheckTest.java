package dev.gan4j.trainers;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import dev.gan4j.core.testing.DoublePrecision;
import dev.gan4j.core.testing.FiniteDifferences;
import dev.gan4j.models.DcganDiscriminatorSpec;
import dev.gan4j.models.LayerEngine;
import dev.gan4j.models.DcganGeneratorSpec;
import dev.gan4j.models.DcganLayout;
import dev.gan4j.models.MlpDiscriminatorSpec;
import dev.gan4j.models.MlpGeneratorSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's gradient, obtained by pushing D's input gradient back through G, against central
 * finite differences of the generator loss of D(G(z)), in double precision, for both objectives, the
 * DCGAN (convolution, transposed convolution, batch norm) and MLP architectures, on both the fast
 * layers and DL4J's stock layers.
 */
@ExtendWith(DoublePrecision.class)
class GeneratorGradientCheckTest {
    private static final Set<String> BATCH_NORM_STATISTICS = Set.of("mean", "var", "log10stdev");
    /** Every loss on the fast layers; the two original losses on DL4J's stock layers too. */
    static Stream<Arguments> cases() {
        return Stream.concat(Stream.of(AdversarialLoss.values()).map(loss -> Arguments.of(loss, LayerEngine.FAST)),
                Stream.of(AdversarialLoss.MINIMAX, AdversarialLoss.NON_SATURATING).map(loss -> Arguments.of(loss, LayerEngine.DL4J)));
    }

    static Stream<Arguments> engines() {
        return Stream.of(LayerEngine.values()).map(e -> Arguments.of(AdversarialLoss.NON_SATURATING, e));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dcganGeneratorGradientMatchesFiniteDifferences(AdversarialLoss objective, LayerEngine layers) {
        Shape shape = Shape.image(1, 8, 8);
        Generator g = new DcganGeneratorSpec(4, new int[] {6, 4}, null, DcganLayout.PROJECTION, null, layers, null)
                .create(context(shape, 11));
        Discriminator d = new DcganDiscriminatorSpec(new int[] {3, 5}, 0.2, true, null, layers, null, null, null, DcganLayout.PROJECTION)
                .create(context(shape, 12));
        check(g, d, objective);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void mlpGeneratorGradientMatchesFiniteDifferences(AdversarialLoss objective, LayerEngine layers) {
        Shape shape = Shape.image(1, 4, 4);
        Generator g = new MlpGeneratorSpec(3, new int[] {7}, true, layers).create(context(shape, 13));
        Discriminator d = new MlpDiscriminatorSpec(new int[] {6}, 0.2, layers).create(context(shape, 14));
        check(g, d, objective);
    }

    private static void check(Generator g, Discriminator d, AdversarialLoss objective) {
        Nd4j.getRandom().setSeed(7);
        INDArray z = Nd4j.randn(DataType.DOUBLE, 5, g.latentDim());
        TrainableNetwork gn = g.network();
        TrainableNetwork dn = d.network();

        INDArray fake = gn.forward(z, true);
        INDArray logits = dn.forward(fake, true);
        INDArray epsilon = logits.dup();
        for (int i = 0; i < logits.length(); i++) {
            epsilon.putScalar(i, objective.generatorGradient(logits.getDouble(i)));
        }
        INDArray inputGradient = dn.inputGradient(epsilon);
        assertNull(dn.accumulatedGradient(), "D's parameter gradient is not accumulated in G's step");
        gn.accumulateGradient(inputGradient);
        INDArray analytic = gn.accumulatedGradient();
        assertNotNull(analytic);
        gn.discardGradients();

        List<Long> candidates = trainableIndices(gn);
        Random random = new Random(3);
        int compared = 0;
        double worst = 0;
        for (int k = 0; k < 60 && !candidates.isEmpty(); k++) {
            long index = candidates.remove(random.nextInt(candidates.size()));
            double numeric = FiniteDifferences.derivative(gn, index, 1e-6, () -> loss(gn, dn, z, objective));
            // A bias right before batch norm has a true gradient of zero; the analytic one is ~1e-9 of rounding.
            if (Math.abs(analytic.getDouble(index) - numeric) >= 1e-8) {
                worst = Math.max(worst, FiniteDifferences.relativeError(analytic.getDouble(index), numeric));
            }
            if (Math.abs(numeric) >= 1e-6) {
                compared++;
            }
        }
        assertTrue(compared >= 40, "only " + compared + " of 60 sampled parameters have a gradient of 1e-6 or more");
        assertTrue(worst < 1e-5, "worst relative error " + worst + " (differences below 1e-8 are ignored)");
    }

    private static double loss(TrainableNetwork g, TrainableNetwork d, INDArray z, AdversarialLoss objective) {
        INDArray logits = d.forward(g.forward(z, true), true);
        double sum = 0;
        for (int i = 0; i < logits.length(); i++) {
            sum += objective.generatorLoss(logits.getDouble(i));
        }
        return sum;
    }

    /** Flat indices of parameters that the loss depends on: batch-norm running statistics are excluded. */
    private static List<Long> trainableIndices(TrainableNetwork network) {
        if (!(network instanceof MultiLayerNetworkAdapter)) {
            List<Long> all = new ArrayList<>();
            for (long i = 0; i < network.parameterCount(); i++) {
                all.add(i);
            }
            return all;
        }
        MultiLayerNetwork net = ((MultiLayerNetworkAdapter) network).network();
        long base = net.params().offset();
        List<Long> indices = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
                if (BATCH_NORM_STATISTICS.contains(param.getKey())) {
                    continue;
                }
                long start = param.getValue().offset() - base;
                for (long i = 0; i < param.getValue().length(); i++) {
                    indices.add(start + i);
                }
            }
        }
        return indices;
    }

    private static ModelContext context(Shape shape, long seed) {
        return new ModelContext(shape, 0, seed, new Sgd(0.1), DataType.DOUBLE);
    }
}
