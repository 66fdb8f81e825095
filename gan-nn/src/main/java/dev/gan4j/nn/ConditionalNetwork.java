package dev.gan4j.nn;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A discriminator network that reads a condition vector beside each example: a feature network
 * phi(x) {@code [n, F]} followed by a head that joins the condition y.
 *
 * <ul>
 *   <li>{@link Join#PROJECTION} (Miyato &amp; Koyama 2018): {@code psi(phi(x)) + <V y, phi(x)>}, the inner
 *       product of the features with an embedding of the condition, which the authors derive from the
 *       log-likelihood ratio of a conditional model and show to beat concatenation. The embedding is a
 *       linear map without a bias, as in the authors' code: a bias would add an unconditional term that
 *       spectral normalization does not bound;</li>
 *   <li>{@link Join#CONCAT} (Mirza &amp; Osindero 2014; Reed et al. 2016 join text the same way):
 *       {@code psi(leakyRelu(W [phi(x), y]))} with a hidden layer of {@value #CONCAT_HIDDEN} units. Without
 *       it the condition would only shift the logit by the same amount for every example, and D could not
 *       tell whether an example fits its condition; both papers join before a non-linear layer.</li>
 * </ul>
 *
 * <p>The condition is handed over by {@link #condition} before each forward pass; backward passes also
 * produce d(loss)/d(y) ({@link #conditionGradient}) so a trainable encoder can learn from D.
 */
public final class ConditionalNetwork implements TrainableNetwork {
    static final int CONCAT_HIDDEN = 256;

    /** How the head joins the condition. */
    public enum Join {
        PROJECTION,
        CONCAT
    }

    private final TrainableNetwork features;
    private final FastNetwork head;
    private final FastNetwork embedding;
    private final Join join;
    private final int featureDim;
    private final int conditionDim;
    private INDArray condition;
    private INDArray lastFeatures;
    private INDArray lastEmbedding;
    private INDArray conditionGradient;
    /** The {@code [n, F]} arrays of each pass, reused: a DCGAN's F is 6,272, and fresh ones piled up as garbage. */
    private final Buffers buffers;

    /**
     * @param features   maps examples to {@code [n, featureDim]}; trained with the head
     * @param outputs      head outputs: 1 logit, plus any auxiliary ones
     * @param spectralNorm spectrally normalise the head and the embedding as well (Miyato &amp; Koyama 2018 do)
     */
    public ConditionalNetwork(TrainableNetwork features, int featureDim, int conditionDim, Join join, int outputs,
                              boolean spectralNorm, IUpdater updater, long seed, double weightStd, DataType dataType) {
        this.features = requireNonNull(features, "features is null");
        this.join = requireNonNull(join, "join is null");
        if (featureDim <= 0 || conditionDim <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("featureDim, conditionDim and outputs must be > 0, found "
                    + featureDim + ", " + conditionDim + ", " + outputs);
        }
        this.featureDim = featureDim;
        this.conditionDim = conditionDim;
        this.buffers = new Buffers(dataType);
        int headInput = join == Join.CONCAT ? featureDim + conditionDim : featureDim;
        FastNetwork.Builder headLayers = FastNetwork.builder(Shape.vector(headInput), dataType).spectralNorm(spectralNorm);
        if (join == Join.CONCAT) {
            headLayers.dense(CONCAT_HIDDEN).leakyRelu(0.2);
        }
        this.head = headLayers.dense(outputs).build(updater, seed, weightStd);
        this.embedding = join == Join.PROJECTION
                ? FastNetwork.builder(Shape.vector(conditionDim), dataType).spectralNorm(spectralNorm).dense(featureDim, false)
                .build(updater, seed + 1, weightStd)
                : null;
    }

    /** Sets the conditions {@code [n, conditionDim]} of the examples of the next forward pass. */
    public void condition(INDArray conditions) {
        requireNonNull(conditions, "this discriminator needs a condition per example");
        if (conditions.rank() != 2 || conditions.size(1) != conditionDim) {
            throw new IllegalArgumentException("conditions must have shape [n, " + conditionDim + "], found "
                    + java.util.Arrays.toString(conditions.shape()));
        }
        this.condition = conditions;
    }

    /** d(loss)/d(condition) of the last backward pass, {@code [n, conditionDim]}. */
    public INDArray conditionGradient() {
        return conditionGradient;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return run(features.forward(input, training), training, false);
    }

    @Override
    public INDArray forwardNear(INDArray input) {
        return run(features.forwardNear(input), true, true);
    }

    /** The head's pass over phi(x) and the condition; a backward pass reads what the last one kept. */
    private INDArray run(INDArray phi, boolean training, boolean near) {
        if (phi.rank() != 2 || phi.size(1) != featureDim) {
            throw new IllegalStateException("the feature network gave " + java.util.Arrays.toString(phi.shape())
                    + ", not [n, " + featureDim + "]");
        }
        long n = phi.size(0);
        if (condition == null || condition.size(0) != n) {
            throw new IllegalStateException("no condition for this batch of " + n + " examples");
        }
        INDArray y = condition.castTo(phi.dataType());
        lastFeatures = phi;
        if (join == Join.CONCAT) {
            INDArray joined = buffers.get("joined", n, featureDim + conditionDim);
            joined.get(NDArrayIndex.all(), NDArrayIndex.interval(0, featureDim)).assign(phi);
            joined.get(NDArrayIndex.all(), NDArrayIndex.interval(featureDim, featureDim + conditionDim)).assign(y);
            return near ? head.forwardNear(joined) : head.forward(joined, training);
        }
        INDArray scores = (near ? head.forwardNear(phi) : head.forward(phi, training)).dup();
        lastEmbedding = buffers.get("embedding", n, featureDim)
                .assign(near ? embedding.forwardNear(y) : embedding.forward(y, training));
        INDArray product = buffers.get("product", n, featureDim);
        lastEmbedding.mul(phi, product);
        scores.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).addi(product.sum(true, 1));
        return scores;
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return features.backward(featureGradient(outputGradient, true));
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return features.inputGradient(featureGradient(outputGradient, false));
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        features.accumulateGradient(featureGradient(outputGradient, true));
    }

    /** Back through the head (and the embedding), returning d(loss)/d(phi) and keeping d(loss)/d(y). */
    private INDArray featureGradient(INDArray g, boolean parameters) {
        INDArray headGradient = parameters ? head.backward(g) : head.inputGradient(g);
        long n = headGradient.size(0);
        INDArray phiGradient = buffers.get("phi gradient", n, featureDim);
        if (join == Join.CONCAT) {
            phiGradient.assign(headGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, featureDim)));
            conditionGradient = headGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(featureDim, featureDim + conditionDim)).dup();
            return phiGradient;
        }
        INDArray logitGradient = g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).castTo(lastFeatures.dataType());
        phiGradient.assign(lastEmbedding).muliColumnVector(logitGradient).addi(headGradient);
        INDArray embeddingGradient = buffers.get("embedding gradient", n, featureDim).assign(lastFeatures).muliColumnVector(logitGradient);
        conditionGradient = (parameters ? embedding.backward(embeddingGradient) : embedding.inputGradient(embeddingGradient)).dup();
        return phiGradient;
    }

    private List<TrainableNetwork> parts() {
        return embedding == null ? List.of(features, head) : List.of(features, head, embedding);
    }

    @Override
    public void applyGradients(int batchSize) {
        parts().forEach(p -> p.applyGradients(batchSize));
    }

    @Override
    public void discardGradients() {
        parts().forEach(TrainableNetwork::discardGradients);
    }

    @Override
    public INDArray accumulatedGradient() {
        List<INDArray> gradients = parts().stream().map(TrainableNetwork::accumulatedGradient).toList();
        if (gradients.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return Nd4j.concat(0, gradients.stream().map(g -> g.reshape(g.length())).toArray(INDArray[]::new));
    }

    @Override
    public boolean couplesExamples() {
        return features.couplesExamples();
    }

    @Override
    public boolean isStochastic() {
        return features.isStochastic();
    }

    @Override
    public void blendFrom(TrainableNetwork source, double weight) {
        if (!(source instanceof ConditionalNetwork other) || other.join != join) {
            throw new IllegalArgumentException("can only blend from a conditional network of the same architecture");
        }
        List<TrainableNetwork> mine = parts();
        List<TrainableNetwork> theirs = other.parts();
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).blendFrom(theirs.get(i), weight);
        }
    }

    @Override
    public long updateCount() {
        return features.updateCount();
    }

    @Override
    public long parameterCount() {
        return parts().stream().mapToLong(TrainableNetwork::parameterCount).sum();
    }

    @Override
    public INDArray parameters() {
        return Nd4j.concat(0, parts().stream().map(p -> {
            INDArray flat = p.parameters();
            return flat.reshape(flat.length());
        }).toArray(INDArray[]::new));
    }

    @Override
    public void setParameters(INDArray flat) {
        if (flat.length() != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, found " + flat.length());
        }
        INDArray vector = flat.reshape(flat.length());
        long offset = 0;
        for (TrainableNetwork part : parts()) {
            long count = part.parameterCount();
            part.setParameters(vector.get(NDArrayIndex.interval(offset, offset + count)).dup());
            offset += count;
        }
    }

    @Override
    public void clipParameters(double limit) {
        parts().forEach(part -> part.clipParameters(limit));
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        for (TrainableNetwork part : parts()) {
            part.writeState(out);
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        List<String> names = List.of("features", "head", "embedding");
        List<TrainableNetwork> parts = parts();
        for (int i = 0; i < parts.size(); i++) {
            try {
                parts.get(i).readState(in);
            } catch (IOException e) {
                throw new IOException("the conditional network's " + names.get(i) + ": " + e.getMessage(), e);
            }
        }
    }
}
