package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.nn.FrozenNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Sentences as hashed bags of words and word pairs (see {@link HashedFeatures}) followed by a learned linear
 * projection to {@code dim} values: the fastText sentence representation (Joulin et al. 2017, "Bag of Tricks
 * for Efficient Text Classification"), trained here by D's gradient with respect to the condition like any
 * trainable encoder. Cheap, order-aware through the bigrams, and open to words never seen in training.
 */
public final class TextHashEncoder implements Encoder {
    private final ConditionSchema schema;
    private final int buckets;
    private final boolean bigrams;
    private final DataType dataType;
    private final FastNetwork projection;
    private final TrainableNetwork network;

    /** @param trainable {@code false} keeps the seeded initial projection: a fixed random projection of the features */
    public TextHashEncoder(EncoderContext context, int buckets, int dim, boolean bigrams, boolean trainable) {
        requireNonNull(context, "context is null");
        this.schema = TextEncoders.requireTexts(context.schema(), "text-hash");
        if (buckets <= 0 || dim <= 0) {
            throw new IllegalArgumentException("buckets and dim must be > 0, found " + buckets + ", " + dim);
        }
        this.buckets = buckets;
        this.bigrams = bigrams;
        this.dataType = context.dataType();
        this.projection = FastNetwork.builder(Shape.vector(buckets), context.dataType()).dense(dim)
                .build(context.updater(), context.seed(), 1.0);
        this.network = trainable ? projection : new FrozenNetwork(projection);
    }

    @Override
    public int outputDim() {
        return (int) projection.outputShape().size();
    }

    @Override
    public ConditionSchema schema() {
        return schema;
    }

    /** The hashed features of {@code texts}, the projection's input. */
    public INDArray features(List<String> texts) {
        return HashedFeatures.of(texts, buckets, bigrams, dataType);
    }

    @Override
    public INDArray encode(Conditions conditions, boolean training) {
        return network.forward(features(TextEncoders.texts(conditions, "text-hash")), training).dup();
    }

    @Override
    public Conditions parse(List<String> wishes) {
        return TextEncoders.parse(wishes);
    }

    @Override
    public TrainableNetwork network() {
        return network;
    }
}
