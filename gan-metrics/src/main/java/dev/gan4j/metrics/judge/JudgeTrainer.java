package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.nn.LogitLosses;
import dev.gan4j.core.train.BatchSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Trains a {@link Judge} classifier on labelled or tagged data and measures it on a held-out split. */
public final class JudgeTrainer {
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final long seed;

    public JudgeTrainer(int epochs, int batchSize, double learningRate, long seed) {
        if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0)) {
            throw new IllegalArgumentException("epochs, batchSize and learningRate must be > 0, found " + epochs + ", "
                    + batchSize + ", " + learningRate);
        }
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /** Trains a class judge: softmax over the data's class labels. */
    public Judge train(DataSource train, DataSource test, PrintStream log) {
        return train(train, test, false, log);
    }

    /**
     * Trains a judge of the data's class labels (softmax) or, with {@code tags}, of its tag sets: one
     * sigmoid output per tag, the "one head per attribute" of attribute classifiers, since each tag is
     * a yes/no attribute. Its accuracy is then the share of (example, tag) decisions it gets right.
     */
    public Judge train(DataSource train, DataSource test, boolean tags, PrintStream log) {
        requireNonNull(train, "train is null");
        requireNonNull(test, "test is null");
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train and test shapes differ: " + train.shape() + " vs " + test.shape());
        }
        List<String> vocabulary = tags ? train.conditionSchema().tags() : List.of();
        if (tags && vocabulary.isEmpty()) {
            throw new IllegalArgumentException("a tag judge is trained on tagged data; " + train.description() + " has no tags");
        }
        if (!tags && (train.numClasses().isEmpty() || test.numClasses().isEmpty())) {
            throw new IllegalArgumentException("a judge is trained on labelled data; " + train.description() + " has no labels");
        }
        int outputs = tags ? vocabulary.size() : Math.max(train.numClasses().getAsInt(), test.numClasses().getAsInt());
        int perEpoch = train.size() / batchSize;
        // Halving the learning rate every epoch lets the last epoch settle instead of oscillating.
        ISchedule schedule = new ExponentialSchedule(ScheduleType.ITERATION, learningRate, Math.pow(0.5, 1.0 / perEpoch));
        FastNetwork body = JudgeArchitecture.body(train.shape(), new Adam(schedule), seed);
        FastNetwork head = JudgeArchitecture.head(outputs, new Adam(schedule), seed + 1);
        Judge judge = new Judge(new JudgeInfo(JudgeInfo.FORMAT, JudgeArchitecture.NAME, train.shape(), outputs,
                JudgeArchitecture.FEATURES, train.description(), Double.NaN, epochs, seed, Judge.version(), vocabulary), body, head);
        BatchSchedule batches = new BatchSchedule(train, batchSize, seed);
        INDArray gradient = Nd4j.create(DataType.FLOAT, batchSize, outputs);
        double accuracy = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double loss = 0;
            for (int b = 0; b < perEpoch; b++) {
                Batch batch = batches.batch((long) epoch * perEpoch + b);
                INDArray features = body.forward(batch.examples(), true);
                INDArray logits = head.forward(features, true);
                LogitLosses.Loss batchLoss = tags ? LogitLosses.sigmoidCrossEntropy(logits, tagSets(batch))
                        : LogitLosses.softmaxCrossEntropy(logits, labels(batch));
                gradient.assign(batchLoss.gradient().castTo(gradient.dataType()));
                loss += batchLoss.sum() / batchSize;
                body.accumulateGradient(head.backward(gradient));
                head.applyGradients(batchSize);
                body.applyGradients(batchSize);
            }
            accuracy = accuracy(judge, test);
            log.printf(Locale.ROOT, "judge epoch %d/%d: loss %.4f, test accuracy %.4f%n", epoch + 1, epochs, loss / perEpoch, accuracy);
        }
        return new Judge(judge.info().withAccuracy(accuracy), body, head);
    }

    /**
     * Share of {@code data}'s examples the judge classifies correctly; for a multi-label judge, the share of
     * (example, tag) pairs it decides correctly at probability 0.5.
     */
    public static double accuracy(Judge judge, DataSource data) {
        if (judge.info().multiLabel()) {
            return tagAccuracy(judge, data);
        }
        int correct = 0;
        int chunk = 1000;
        for (int start = 0; start < data.size(); start += chunk) {
            int end = Math.min(data.size(), start + chunk);
            Batch batch = data.range(start, end);
            int[] predicted = judge.predict(batch.examples());
            int[] truth = labels(batch);
            for (int i = 0; i < truth.length; i++) {
                if (predicted[i] == truth[i]) {
                    correct++;
                }
            }
        }
        return correct / (double) data.size();
    }

    private static double tagAccuracy(Judge judge, DataSource data) {
        long correct = 0;
        long decisions = 0;
        int chunk = 1000;
        for (int start = 0; start < data.size(); start += chunk) {
            int end = Math.min(data.size(), start + chunk);
            Batch batch = data.range(start, end);
            double[] predicted = judge.tagProbabilitiesFromFeatures(judge.features(batch.examples())).reshape(-1).toDoubleVector();
            double[] truth = tagSets(batch).reshape(-1).toDoubleVector();
            for (int i = 0; i < truth.length; i++) {
                if ((predicted[i] > 0.5) == (truth[i] > 0.5)) {
                    correct++;
                }
            }
            decisions += truth.length;
        }
        return correct / (double) decisions;
    }

    static INDArray tagSets(Batch batch) {
        if (batch.tags() == null) {
            throw new IllegalArgumentException("the data has no tags");
        }
        return batch.tags().castTo(DataType.FLOAT);
    }

    static int[] labels(Batch batch) {
        if (batch.labels() == null) {
            throw new IllegalArgumentException("the data has no labels");
        }
        return batch.labels().castTo(DataType.INT).toIntVector();
    }
}
