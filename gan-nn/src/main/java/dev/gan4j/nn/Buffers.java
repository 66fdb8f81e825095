package dev.gan4j.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Arrays a layer reuses from call to call, by role and shape. Allocating a large ND4J array outside
 * a workspace costs milliseconds, and its native memory waits for the garbage collector once dropped;
 * a training step asks for the same shapes every time.
 */
public final class Buffers {
    private final DataType dataType;
    private final Map<String, INDArray> arrays = new HashMap<>();

    public Buffers(DataType dataType) {
        this.dataType = dataType;
    }

    /** The array for {@code role} of this shape, created on first use, its contents whatever the last user left. */
    public INDArray get(String role, long... shape) {
        String key = role + Arrays.toString(shape);
        return arrays.computeIfAbsent(key, k -> Nd4j.createUninitialized(dataType, shape, 'c'));
    }

    /**
     * An array of this shape filled with {@code value} once, when first asked for: vectors of ones for sums by gemm
     * and the like. Callers must not write to it; filling it at every call would cost an op each time.
     */
    public INDArray constant(double value, long... shape) {
        String key = "constant " + value + Arrays.toString(shape);
        return arrays.computeIfAbsent(key, k -> Nd4j.createUninitialized(dataType, shape, 'c').assign(value));
    }
}
