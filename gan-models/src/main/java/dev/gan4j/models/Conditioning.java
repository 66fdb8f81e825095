package dev.gan4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.nn.ConditionalDiscriminator;
import dev.gan4j.nn.ConditionalNetwork;
import dev.gan4j.core.nn.Dl4jDefaults;
import dev.gan4j.core.nn.NetworkDiscriminator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a built-in discriminator uses the condition of a conditional experiment.
 * <ul>
 *   <li>{@code projection} (the default): the inner product of D's features with an embedding of the
 *       condition is added to the logit (Miyato &amp; Koyama 2018);</li>
 *   <li>{@code concat}: the condition joins D's features before a hidden layer and the logit (Mirza &amp; Osindero 2014);</li>
 *   <li>{@code acgan}: D reads no condition but classifies its input with one extra output per class or tag,
 *       trained by the strategy (Odena et al. 2017).</li>
 * </ul>
 */
public enum Conditioning {
    PROJECTION("projection"),
    CONCAT("concat"),
    ACGAN("acgan");

    private final String id;

    Conditioning(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Conditioning of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("conditioning", "unknown conditioning '" + id + "'; known: "
                        + Arrays.stream(values()).map(Conditioning::id).collect(Collectors.joining(", "))));
    }

    static Conditioning orDefault(Conditioning conditioning) {
        return conditioning == null ? PROJECTION : conditioning;
    }

    /**
     * Completes a discriminator whose feature layers {@code features} holds: one logit, joined with the
     * condition as this mode says when the experiment is conditional, plus an auxiliary classifier's
     * outputs when asked (always with {@code acgan}); {@code bias} whether the unconditional and ACGAN outputs have one.
     */
    Discriminator build(FastNetwork.Builder features, Shape dataShape, ModelContext context, boolean spectralNorm,
                        boolean auxiliaryClassifier, boolean bias) {
        int conditionDim = context.conditionDim();
        if (conditionDim == 0) {
            if (this == ACGAN || auxiliaryClassifier) {
                throw new InvalidValueException(this == ACGAN ? "conditioning" : "auxiliaryClassifier", "classifies the input by its "
                        + "condition, but this experiment is unconditional (it has no encoder)");
            }
            FastNetwork net = features.dense(1, bias).build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD);
            return new NetworkDiscriminator(dataShape, 0, net);
        }
        if (this == ACGAN) {
            FastNetwork net = features.dense(1 + conditionDim, bias).build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD);
            return new NetworkDiscriminator(dataShape, 0, net, conditionDim);
        }
        int featureDim = (int) features.currentShape().size();
        if (features.currentShape().dims().length != 1) {
            features.reshape(Shape.vector(featureDim));
        }
        FastNetwork phi = features.build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD);
        int auxiliary = auxiliaryClassifier ? conditionDim : 0;
        ConditionalNetwork net = new ConditionalNetwork(phi, featureDim, conditionDim,
                this == PROJECTION ? ConditionalNetwork.Join.PROJECTION : ConditionalNetwork.Join.CONCAT, 1 + auxiliary, spectralNorm,
                context.updater(), context.seed() + 1, Dl4jDefaults.INIT_STD, context.dataType());
        return new ConditionalDiscriminator(dataShape, conditionDim, auxiliary, net);
    }

    static void requireFastLayers(ModelContext context, LayerEngine layers) {
        if (context.conditionDim() > 0 && layers != LayerEngine.FAST) {
            throw new InvalidValueException("layers", "conditional discriminators need the fast layers; this experiment has a "
                    + "condition of size " + context.conditionDim());
        }
    }
}
