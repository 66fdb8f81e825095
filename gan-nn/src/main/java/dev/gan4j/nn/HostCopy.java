package dev.gan4j.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Bulk copies between a contiguous float or double ND4J array and a Java {@code double[]}, through Java's NIO view of
 * the array's native memory, for the few passes that are cheaper as a Java loop than as a chain of libnd4j ops
 * (rearranging a small convolution's columns, {@link ThinConvolution}). Arithmetic on the copy is written once for both
 * data types, in double precision.
 */
final class HostCopy {
    private HostCopy() {
    }

    /** {@code array}'s elements in C order into {@code into} (at least as long); {@code scratch} serves float data. */
    static void read(INDArray array, double[] into, float[] scratch) {
        int length = requireContiguous(array);
        int start = (int) array.offset();
        if (array.dataType() == DataType.DOUBLE) {
            doubles(array).get(start, into, 0, length);
        } else {
            floats(array).get(start, scratch, 0, length);
            for (int i = 0; i < length; i++) {
                into[i] = scratch[i];
            }
        }
    }

    /** {@code from}'s first elements into {@code array} in C order; {@code scratch} serves float data. */
    static void write(double[] from, INDArray array, float[] scratch) {
        int length = requireContiguous(array);
        int start = (int) array.offset();
        if (array.dataType() == DataType.DOUBLE) {
            doubles(array).put(start, from, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                scratch[i] = (float) from[i];
            }
            floats(array).put(start, scratch, 0, length);
        }
    }

    private static int requireContiguous(INDArray array) {
        if (!contiguous(array)) {
            throw new IllegalArgumentException("a host copy needs a C-ordered contiguous array, found strides "
                    + java.util.Arrays.toString(array.stride()) + " of shape " + java.util.Arrays.toString(array.shape()));
        }
        if (array.dataType() != DataType.FLOAT && array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("host copies handle float and double arrays, found " + array.dataType());
        }
        return Math.toIntExact(array.length());
    }

    /** Whether {@code array} lies in C order without gaps (dimensions of size 1 have any stride). */
    private static boolean contiguous(INDArray array) {
        long[] shape = array.shape();
        long[] stride = array.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    private static FloatBuffer floats(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static DoubleBuffer doubles(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }
}
