package dev.gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/** Checks and conversions for class indices. */
final class ClassLabels {
    private ClassLabels() {
    }

    static void requireClasses(int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be > 0, found " + numClasses);
        }
    }

    static int[] checked(String name, int[] labels, int numClasses) {
        requireNonNull(labels, name + " is null");
        if (labels.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(name + " must hold classes in [0, " + numClasses + "), found "
                        + labels[i] + " at index " + i);
            }
        }
        return labels;
    }

    /** Indices from a vector ({@code [n]}, {@code [n, 1]} or {@code [1, n]}) of whole numbers. */
    static int[] fromVector(String name, INDArray labels, int numClasses) {
        requireNonNull(labels, name + " is null");
        if (!labels.isVector() && !(labels.rank() == 1 && labels.length() == 1)) {
            throw new IllegalArgumentException(
                    name + " must be a vector of class indices, found shape " + Arrays.toString(labels.shape()));
        }
        double[] values = labels.toDoubleVector();
        int[] indices = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < 0 || v >= numClasses) {
                throw new IllegalArgumentException(name + " must hold class indices in [0, " + numClasses
                        + "), found " + v + " at index " + i);
            }
            indices[i] = (int) v;
        }
        return checked(name, indices, numClasses);
    }
}
