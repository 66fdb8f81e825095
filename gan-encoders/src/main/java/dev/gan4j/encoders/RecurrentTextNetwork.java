package dev.gan4j.encoders;

import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.nn.NetworkStates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A word embedding, a recurrent cell over each sentence's words, and a pooling of the hidden states: the
 * sentence encoder of text-to-image GANs (Reed et al. 2016 use a char-CNN-RNN; AttnGAN, Xu et al. 2018, a
 * word-level LSTM). The cell is an LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et
 * al. 2000) or a GRU (Cho et al. 2014, with the reset gate applied before the recurrent product).
 *
 * <p>The input is {@code [n, T]} word ids, 0 for padding. A padded position leaves the state unchanged, so
 * {@code last} pooling returns the state after a sentence's last word and {@code mean} pooling averages the
 * states of its words only. It is written on ND4J ops with back-propagation through time by hand, checked
 * against finite differences, because DL4J 1.0.0-M2.1 has no GRU layer and its networks take masks only
 * through calls that the framework's adapters do not make.
 */
final class RecurrentTextNetwork implements TrainableNetwork {
    private static final int STATE_MAGIC = 0x47414E52; // "GANR"

    private final RecurrentCell cell;
    private final Pooling pooling;
    private final int vocabulary;
    private final int hidden;
    private final int gates;
    private final DataType dataType;
    private final INDArray parameters;
    private final INDArray gradients;
    private final INDArray accumulated;
    private final INDArray updaterState;
    private final GradientUpdater updater;
    private final INDArray embedding;
    private final INDArray w;
    private final INDArray u;
    private final INDArray b;
    private final INDArray dEmbedding;
    private final INDArray dW;
    private final INDArray dU;
    private final INDArray dB;
    private List<Step> steps;
    private INDArray lengths;
    private int[] wordIds;
    private INDArray inputs;
    private boolean hasAccumulated;
    private int iteration;

    /** What the backward pass needs of one time step. */
    private record Step(INDArray mask, INDArray keep, INDArray hPrev, INDArray cPrev, INDArray[] gate, INDArray tanhC,
                        INDArray resetH) {
    }

    RecurrentTextNetwork(int vocabulary, int embeddingDim, int hidden, RecurrentCell cell, Pooling pooling, IUpdater updaterConfig,
                         long seed, DataType dataType) {
        if (vocabulary <= 0 || embeddingDim <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("vocabulary, embeddingDim and hidden must be > 0, found " + vocabulary + ", "
                    + embeddingDim + ", " + hidden);
        }
        this.cell = requireNonNull(cell, "cell is null");
        this.pooling = requireNonNull(pooling, "pooling is null");
        this.vocabulary = vocabulary;
        this.hidden = hidden;
        this.gates = cell == RecurrentCell.LSTM ? 4 : 3;
        this.dataType = requireNonNull(dataType, "dataType is null");
        long[] sizes = {(long) vocabulary * embeddingDim, (long) embeddingDim * gates * hidden, (long) hidden * gates * hidden,
                (long) gates * hidden};
        long count = sizes[0] + sizes[1] + sizes[2] + sizes[3];
        this.parameters = Nd4j.zeros(dataType, count);
        this.gradients = Nd4j.zeros(dataType, count);
        this.accumulated = Nd4j.zeros(dataType, count);
        long[][] shapes = {{vocabulary, embeddingDim}, {embeddingDim, (long) gates * hidden}, {hidden, (long) gates * hidden},
                {1, (long) gates * hidden}};
        INDArray[] p = views(parameters, sizes, shapes);
        INDArray[] g = views(gradients, sizes, shapes);
        this.embedding = p[0];
        this.w = p[1];
        this.u = p[2];
        this.b = p[3];
        this.dEmbedding = g[0];
        this.dW = g[1];
        this.dU = g[2];
        this.dB = g[3];
        NormalSampler normal = new NormalSampler(seed);
        embedding.assign(normal.next(dataType, embedding.shape()));
        w.assign(normal.next(dataType, w.shape()).muli(1 / Math.sqrt(embeddingDim)));
        u.assign(normal.next(dataType, u.shape()).muli(1 / Math.sqrt(hidden)));
        if (cell == RecurrentCell.LSTM) {
            b.get(NDArrayIndex.all(), NDArrayIndex.interval(hidden, 2 * hidden)).assign(1);
        }
        long updaterSize = updaterConfig.stateSize(count);
        this.updaterState = updaterSize > 0 ? Nd4j.zeros(dataType, 1, updaterSize) : null;
        this.updater = updaterConfig.instantiate(updaterState, true);
    }

    private static INDArray[] views(INDArray flat, long[] sizes, long[][] shapes) {
        INDArray[] views = new INDArray[sizes.length];
        long offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            views[i] = flat.get(NDArrayIndex.interval(offset, offset + sizes[i])).reshape('c', shapes[i]);
            offset += sizes[i];
        }
        return views;
    }

    int hidden() {
        return hidden;
    }

    /**
     * The word vectors and their input products x W + b of every position are computed at once, rows
     * {@code [t n, (t + 1) n)} for position t; only the recurrent part runs step by step. The vectors are
     * gathered from the embedding by id, so the cost does not grow with the vocabulary (a one-hot product
     * would cost {@code 2 T n V E} operations: some 1.6 GFLOP per batch of 64 sentences of 20 words over a
     * vocabulary of 10,000).
     */
    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (input.rank() != 2) {
            throw new IllegalArgumentException("word ids must have shape [n, T], found " + java.util.Arrays.toString(input.shape()));
        }
        int n = (int) input.size(0);
        int length = (int) input.size(1);
        double[][] ids = input.castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] flatIds = new int[length * n];
        double[] mask = new double[length * n];
        double[] counts = new double[n];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < n; i++) {
                long id = Math.round(ids[i][t]);
                if (id < 0 || id >= vocabulary) {
                    throw new IllegalArgumentException("word id " + id + " outside 0.." + (vocabulary - 1));
                }
                if (id > 0) {
                    flatIds[t * n + i] = (int) id;
                    mask[t * n + i] = 1;
                    counts[i]++;
                }
            }
        }
        for (double count : counts) {
            if (count < 1) {
                throw new IllegalArgumentException("every sentence needs at least one word id > 0");
            }
        }
        INDArray masks = Nd4j.create(mask, new long[] {(long) length * n, 1}, 'c').castTo(dataType);
        INDArray keeps = masks.rsub(1);
        INDArray x = embedding.getRows(flatIds).muliColumnVector(masks);
        INDArray projected = Nd4j.gemm(x, w, false, false).addiRowVector(b);
        List<Step> kept = new ArrayList<>(length);
        INDArray h = Nd4j.zeros(dataType, n, hidden);
        INDArray c = Nd4j.zeros(dataType, n, hidden);
        INDArray sum = Nd4j.zeros(dataType, n, hidden);
        for (int t = 0; t < length; t++) {
            INDArray m = rows(masks, t, n);
            INDArray keep = rows(keeps, t, n);
            INDArray a = rows(projected, t, n);
            Step step = cell == RecurrentCell.LSTM ? lstm(a, m, keep, h, c) : gru(a, m, keep, h);
            kept.add(step);
            h = next(step);
            if (cell == RecurrentCell.LSTM) {
                c = step.gate[0].mul(step.gate[2]).addi(step.gate[1].mul(step.cPrev)).muliColumnVector(m)
                        .addi(step.cPrev.mulColumnVector(keep));
            }
            if (pooling == Pooling.MEAN) {
                sum.addi(h.mulColumnVector(m));
            }
        }
        INDArray counted = Nd4j.create(counts, new long[] {n, 1}, 'c').castTo(dataType);
        if (training) {
            steps = kept;
            lengths = counted;
            wordIds = flatIds;
            inputs = x;
        }
        return pooling == Pooling.MEAN ? sum.diviColumnVector(counted) : h;
    }

    /** Rows {@code [t n, (t + 1) n)}: position t of every sentence. */
    private static INDArray rows(INDArray all, int t, int n) {
        return all.get(NDArrayIndex.interval((long) t * n, (long) (t + 1) * n), NDArrayIndex.all());
    }

    private Step lstm(INDArray projected, INDArray m, INDArray keep, INDArray h, INDArray c) {
        INDArray a = Nd4j.gemm(h, u, false, false).addi(projected);
        INDArray input = Transforms.sigmoid(block(a, 0), false);
        INDArray forget = Transforms.sigmoid(block(a, 1), false);
        INDArray candidate = Transforms.tanh(block(a, 2), false);
        INDArray output = Transforms.sigmoid(block(a, 3), false);
        INDArray cNew = forget.mul(c).addi(input.mul(candidate));
        return new Step(m, keep, h, c, new INDArray[] {input, forget, candidate, output}, Transforms.tanh(cNew, false), null);
    }

    private Step gru(INDArray projected, INDArray m, INDArray keep, INDArray h) {
        INDArray recurrent = Nd4j.gemm(h, gateColumns(u), false, false);
        INDArray reset = Transforms.sigmoid(block(projected, 0).addi(block(recurrent, 0)), false);
        INDArray update = Transforms.sigmoid(block(projected, 1).addi(block(recurrent, 1)), false);
        INDArray resetH = reset.mul(h);
        INDArray candidate = Transforms.tanh(block(projected, 2).addi(Nd4j.gemm(resetH, block(u, 2), false, false)), false);
        return new Step(m, keep, h, null, new INDArray[] {reset, update, candidate}, null, resetH);
    }

    /** The hidden state after a step: the cell's new state where the position holds a word, the old one at padding. */
    private INDArray next(Step s) {
        INDArray hNew = cell == RecurrentCell.LSTM
                ? s.gate[3].mul(s.tanhC)
                : s.gate[1].rsub(1).muli(s.gate[2]).addi(s.gate[1].mul(s.hPrev));
        return hNew.muliColumnVector(s.mask).addi(s.hPrev.mulColumnVector(s.keep));
    }

    /** The reset and update gates' columns of a GRU weight, copied. */
    private INDArray gateColumns(INDArray weight) {
        return weight.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2L * hidden)).dup();
    }

    /** Columns {@code [k H, (k + 1) H)}, copied. */
    private INDArray block(INDArray a, int k) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * hidden, (long) (k + 1) * hidden)).dup();
    }

    /**
     * Back-propagation through time. The gradients of the pre-activations of every position are gathered in
     * one array, so the input weights, the bias and the embedding get theirs from three products at the end.
     */
    @Override
    public INDArray backward(INDArray outputGradient) {
        if (steps == null) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        gradients.assign(0);
        int n = (int) outputGradient.size(0);
        INDArray g = outputGradient.castTo(dataType);
        INDArray dh = pooling == Pooling.LAST ? g.dup() : Nd4j.zeros(dataType, g.shape());
        INDArray dc = Nd4j.zeros(dataType, g.shape());
        INDArray perWord = pooling == Pooling.MEAN ? g.divColumnVector(lengths) : null;
        INDArray preActivations = Nd4j.create(dataType, (long) steps.size() * n, (long) gates * hidden);
        for (int t = steps.size() - 1; t >= 0; t--) {
            Step s = steps.get(t);
            if (perWord != null) {
                dh.addi(perWord.mulColumnVector(s.mask));
            }
            INDArray dhNew = dh.mulColumnVector(s.mask);
            INDArray da = rows(preActivations, t, n);
            INDArray dhPrev;
            if (cell == RecurrentCell.LSTM) {
                INDArray[] q = s.gate;
                INDArray dcNew = dc.mulColumnVector(s.mask).addi(dhNew.mul(q[3]).muli(s.tanhC.mul(s.tanhC).rsubi(1)));
                block(da, 0, dcNew.mul(q[2]).muli(sigmoidSlope(q[0])));
                block(da, 1, dcNew.mul(s.cPrev).muli(sigmoidSlope(q[1])));
                block(da, 2, dcNew.mul(q[0]).muli(q[2].mul(q[2]).rsubi(1)));
                block(da, 3, dhNew.mul(s.tanhC).muli(sigmoidSlope(q[3])));
                INDArray daStep = da.dup();
                dU.addi(Nd4j.gemm(s.hPrev, daStep, true, false));
                dhPrev = Nd4j.gemm(daStep, u, false, true);
                dc = dcNew.muli(q[1]).addi(dc.mulColumnVector(s.keep));
            } else {
                INDArray reset = s.gate[0];
                INDArray update = s.gate[1];
                INDArray candidate = s.gate[2];
                INDArray daCandidate = dhNew.mul(update.rsub(1)).muli(candidate.mul(candidate).rsubi(1));
                INDArray dResetH = Nd4j.gemm(daCandidate, block(u, 2), false, true);
                INDArray daGates = Nd4j.hstack(dResetH.mul(s.hPrev).muli(sigmoidSlope(reset)),
                        dhNew.mul(s.hPrev.sub(candidate)).muli(sigmoidSlope(update)));
                da.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2L * hidden)).assign(daGates);
                block(da, 2, daCandidate);
                dU.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2L * hidden)).addi(Nd4j.gemm(s.hPrev, daGates, true, false));
                dU.get(NDArrayIndex.all(), NDArrayIndex.interval(2L * hidden, 3L * hidden))
                        .addi(Nd4j.gemm(s.resetH, daCandidate, true, false));
                dhPrev = Nd4j.gemm(daGates, gateColumns(u), false, true).addi(dResetH.muli(reset)).addi(dhNew.mul(update));
            }
            dh = dhPrev.addi(dh.mulColumnVector(s.keep));
        }
        dW.addi(Nd4j.gemm(inputs, preActivations, true, false));
        dB.addi(preActivations.sum(true, 0));
        scatterWordGradients(Nd4j.gemm(preActivations, w, false, true));
        if (hasAccumulated) {
            accumulated.addi(gradients);
        } else {
            accumulated.assign(gradients);
            hasAccumulated = true;
        }
        return Nd4j.zeros(dataType, n, steps.size());
    }

    /**
     * Adds each position's input gradient to the embedding row of its word: summed per distinct word here, then
     * written into those rows only (the gradient buffer was cleared for this pass). Padding positions, id 0,
     * carry no gradient and row 0 gets none.
     */
    private void scatterWordGradients(INDArray inputGradients) {
        double[][] perPosition = inputGradients.toDoubleMatrix();
        Map<Integer, double[]> perWord = new TreeMap<>();
        for (int position = 0; position < wordIds.length; position++) {
            if (wordIds[position] == 0) {
                continue;
            }
            double[] sum = perWord.computeIfAbsent(wordIds[position], id -> new double[perPosition[0].length]);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += perPosition[position][j];
            }
        }
        if (perWord.isEmpty()) {
            return;
        }
        long[] rows = perWord.keySet().stream().mapToLong(Integer::longValue).toArray();
        double[][] sums = perWord.values().toArray(double[][]::new);
        dEmbedding.put(new INDArrayIndex[] {NDArrayIndex.indices(rows), NDArrayIndex.all()},
                Nd4j.create(sums).castTo(dataType));
    }

    /** Writes {@code values} into columns {@code [k H, (k + 1) H)} of {@code a}. */
    private void block(INDArray a, int k, INDArray values) {
        a.get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * hidden, (long) (k + 1) * hidden)).assign(values);
    }

    private static INDArray sigmoidSlope(INDArray s) {
        return s.mul(s.rsub(1));
    }

    /** Word ids are not differentiable: the input gradient is zero. */
    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        if (steps == null) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        return Nd4j.zeros(dataType, outputGradient.size(0), steps.size());
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        backward(outputGradient);
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
    public long updateCount() {
        return iteration;
    }

    @Override
    public long parameterCount() {
        return parameters.length();
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

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        NetworkStates.write(out, STATE_MAGIC, iteration, 0, parameters, updaterState);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        NetworkStates.Saved saved = NetworkStates.read(in, STATE_MAGIC, 2);
        NetworkStates.requireFits(saved.arrays().get(0), parameters, "parameters");
        NetworkStates.requireFits(saved.arrays().get(1), updaterState, "optimizer state");
        NetworkStates.assign(saved.arrays().get(0), parameters);
        NetworkStates.assign(saved.arrays().get(1), updaterState);
        iteration = saved.iteration();
        hasAccumulated = false;
    }
}
