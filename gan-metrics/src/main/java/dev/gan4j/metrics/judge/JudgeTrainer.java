package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.fast.FastNetwork;
import dev.gan4j.core.train.BatchSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.PrintStream;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Trains a {@link Judge} classifier on labelled data and measures it on a held-out split. */
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

    public Judge train(DataSource train, DataSource test, PrintStream log) {
        requireNonNull(train, "train is null");
        requireNonNull(test, "test is null");
        if (train.numClasses().isEmpty() || test.numClasses().isEmpty()) {
            throw new IllegalArgumentException("a judge is trained on labelled data; " + train.description() + " has no labels");
        }
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train and test shapes differ: " + train.shape() + " vs " + test.shape());
        }
        int classes = Math.max(train.numClasses().getAsInt(), test.numClasses().getAsInt());
        int perEpoch = train.size() / batchSize;
        // Halving the learning rate every epoch lets the last epoch settle instead of oscillating.
        ISchedule schedule = new ExponentialSchedule(ScheduleType.ITERATION, learningRate, Math.pow(0.5, 1.0 / perEpoch));
        FastNetwork body = JudgeArchitecture.body(train.shape(), new Adam(schedule), seed);
        FastNetwork head = JudgeArchitecture.head(classes, new Adam(schedule), seed + 1);
        Judge judge = new Judge(new JudgeInfo(JudgeInfo.FORMAT, JudgeArchitecture.NAME, train.shape(), classes,
                JudgeArchitecture.FEATURES, train.description(), Double.NaN, epochs, seed, Judge.version()), body, head);
        BatchSchedule batches = new BatchSchedule(train, batchSize, seed);
        INDArray gradient = Nd4j.create(DataType.FLOAT, batchSize, classes);
        double accuracy = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double loss = 0;
            for (int b = 0; b < perEpoch; b++) {
                Batch batch = batches.batch((long) epoch * perEpoch + b);
                INDArray features = body.forward(batch.examples(), true);
                INDArray logits = head.forward(features, true);
                loss += Softmax.lossAndGradient(logits, labels(batch), gradient);
                body.accumulateGradient(head.backward(gradient));
                head.applyGradients(batchSize);
                body.applyGradients(batchSize);
            }
            accuracy = accuracy(judge, test);
            log.printf(Locale.ROOT, "judge epoch %d/%d: loss %.4f, test accuracy %.4f%n", epoch + 1, epochs, loss / perEpoch, accuracy);
        }
        JudgeInfo info = judge.info();
        return new Judge(new JudgeInfo(info.format(), info.architecture(), info.inputShape(), classes, info.featureDim(),
                info.data(), accuracy, epochs, seed, info.version()), body, head);
    }

    /** Share of {@code data}'s examples the judge classifies correctly. */
    public static double accuracy(Judge judge, DataSource data) {
        int correct = 0;
        int chunk = 1000;
        for (int start = 0; start < data.size(); start += chunk) {
            int end = Math.min(data.size(), start + chunk);
            int[] indices = new int[end - start];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            Batch batch = data.batch(indices);
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

    static int[] labels(Batch batch) {
        if (batch.labels() == null) {
            throw new IllegalArgumentException("the data has no labels");
        }
        return batch.labels().castTo(DataType.INT).toIntVector();
    }
}
