package dev.gan4j.trainers;

import dev.gan4j.core.api.Conditions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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
        int n = (int) output.size(0);
        int k = (int) output.size(1) - 1;
        INDArray logits = output.get(NDArrayIndex.all(), NDArrayIndex.interval(1, k + 1)).castTo(DataType.DOUBLE);
        if (targets.labels() != null) {
            int[] labels = targets.labelIndices();
            INDArray shifted = logits.subColumnVector(logits.max(1).reshape(n, 1));
            INDArray probabilities = Transforms.exp(shifted, true);
            INDArray sums = probabilities.sum(true, 1);
            probabilities.diviColumnVector(sums);
            double loss = 0;
            INDArray gradient = probabilities.dup();
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= k) {
                    throw new IllegalArgumentException("class label " + labels[i] + " outside the auxiliary classifier's "
                            + k + " classes");
                }
                loss -= shifted.getDouble(i, labels[i]) - Math.log(sums.getDouble(i, 0));
                gradient.putScalar(i, labels[i], gradient.getDouble(i, labels[i]) - 1);
            }
            return new Result(loss, gradient.castTo(output.dataType()));
        }
        if (targets.tags() != null) {
            INDArray tags = targets.tags().castTo(DataType.DOUBLE);
            if (tags.size(1) != k) {
                throw new IllegalArgumentException("tag sets of " + tags.size(1) + " tags for an auxiliary classifier of " + k);
            }
            double loss = 0;
            double[] flatLogits = logits.reshape(logits.length()).toDoubleVector();
            double[] flatTags = tags.reshape(tags.length()).toDoubleVector();
            double[] gradient = new double[flatLogits.length];
            for (int i = 0; i < flatLogits.length; i++) {
                double s = flatLogits[i];
                loss += flatTags[i] * LogitLosses.lossReal(s) + (1 - flatTags[i]) * LogitLosses.lossFake(s);
                gradient[i] = LogitLosses.sigmoid(s) - flatTags[i];
            }
            return new Result(loss, Nd4j.create(gradient, new long[] {n, k}, 'c').castTo(output.dataType()));
        }
        throw new IllegalArgumentException("an auxiliary classifier needs class labels or tags in the data");
    }
}
