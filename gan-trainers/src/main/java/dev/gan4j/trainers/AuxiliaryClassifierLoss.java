package dev.gan4j.trainers;

import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.nn.LogitLosses;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The auxiliary-classifier loss of ACGAN (Odena et al. 2017): D's outputs after the adversarial logit are
 * class logits, trained by softmax cross-entropy against class labels, or one logit per tag, trained by
 * sigmoid cross-entropy against multi-hot tag sets. D minimises it on real and generated examples, G on
 * generated ones, so generated examples come out recognisably of their condition.
 */
final class AuxiliaryClassifierLoss {
    private AuxiliaryClassifierLoss() {
    }

    /** Loss and d(loss)/d(logits), both summed over the batch. */
    record Result(double loss, INDArray gradient) {
    }

    /**
     * @param output D's output {@code [n, 1 + K]}
     * @param targets the conditions the examples should show: labels for K classes or tags for K tags
     */
    static Result of(INDArray output, Conditions targets) {
        int k = (int) output.size(1) - 1;
        INDArray logits = output.get(NDArrayIndex.all(), NDArrayIndex.interval(1, k + 1));
        LogitLosses.Loss loss;
        if (targets.labels() != null) {
            loss = LogitLosses.softmaxCrossEntropy(logits, targets.labelIndices());
        } else if (targets.tags() != null) {
            if (targets.tags().size(1) != k) {
                throw new IllegalArgumentException("tag sets of " + targets.tags().size(1) + " tags for an auxiliary classifier of " + k);
            }
            loss = LogitLosses.sigmoidCrossEntropy(logits, targets.tags());
        } else {
            throw new IllegalArgumentException("an auxiliary classifier needs class labels or tags in the data");
        }
        return new Result(loss.sum(), loss.gradient().castTo(output.dataType()));
    }
}
