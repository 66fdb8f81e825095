package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Shape;

import static java.util.Objects.requireNonNull;

/**
 * What a judge file says about its network: enough to rebuild it, and to tell a user what it was
 * trained on and how good it is.
 *
 * @param format       version of the judge file format
 * @param architecture name of the architecture ({@code cnn})
 * @param inputShape   shape of one example
 * @param classes      number of classes
 * @param featureDim   size of the penultimate layer, the feature space of FID and friends
 * @param data         description of the training data
 * @param testAccuracy accuracy on the held-out split
 * @param epochs       training epochs
 * @param seed         training seed
 * @param version      gan4j version that trained it
 */
public record JudgeInfo(int format, String architecture, Shape inputShape, int classes, int featureDim, String data,
                        double testAccuracy, int epochs, long seed, String version) {
    public static final int FORMAT = 1;

    public JudgeInfo {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(inputShape, "inputShape is null");
        requireNonNull(data, "data is null");
        if (classes < 2) {
            throw new IllegalArgumentException("a judge needs at least 2 classes, found " + classes);
        }
    }
}
