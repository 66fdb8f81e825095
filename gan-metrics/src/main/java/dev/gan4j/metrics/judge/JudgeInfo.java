package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Shape;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a judge file says about its network: enough to rebuild it, and to tell a user what it was
 * trained on and how good it is.
 *
 * @param format       version of the judge file format
 * @param architecture name of the architecture ({@code cnn})
 * @param inputShape   shape of one example
 * @param classes      number of outputs: classes, or tags for a multi-label judge
 * @param featureDim   size of the penultimate layer, the feature space of FID and friends
 * @param data         description of the training data
 * @param testAccuracy accuracy on the held-out split
 * @param epochs       training epochs
 * @param seed         training seed
 * @param version      gan4j version that trained it
 * @param tags         for a multi-label judge, its tags in output order (one sigmoid output each); empty for a
 *                     class judge (softmax over the classes). Judge files from before tags existed read as empty.
 */
public record JudgeInfo(int format, String architecture, Shape inputShape, int classes, int featureDim, String data,
                        double testAccuracy, int epochs, long seed, String version, List<String> tags) {
    public static final int FORMAT = 1;

    public JudgeInfo(int format, String architecture, Shape inputShape, int classes, int featureDim, String data,
                     double testAccuracy, int epochs, long seed, String version) {
        this(format, architecture, inputShape, classes, featureDim, data, testAccuracy, epochs, seed, version, List.of());
    }

    /** Whether the judge recognises tag sets (one sigmoid per tag) rather than one class per example. */
    public boolean multiLabel() {
        return !tags.isEmpty();
    }

    /** The same info with the accuracy measured after training. */
    JudgeInfo withAccuracy(double accuracy) {
        return new JudgeInfo(format, architecture, inputShape, classes, featureDim, data, accuracy, epochs, seed, version, tags);
    }

    public JudgeInfo {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(inputShape, "inputShape is null");
        requireNonNull(data, "data is null");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (tags.isEmpty() && classes < 2) {
            throw new IllegalArgumentException("a judge needs at least 2 classes, found " + classes);
        }
        if (!tags.isEmpty() && classes != tags.size()) {
            throw new IllegalArgumentException("a multi-label judge has one output per tag: " + tags.size() + " tags but "
                    + classes + " outputs");
        }
    }
}
