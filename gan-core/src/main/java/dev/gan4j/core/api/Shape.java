package dev.gan4j.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The shape of one example, without the batch dimension: {@code [channels, height, width]} for
 * images, {@code [features]} for vectors.
 */
public final class Shape {
    private final long[] dims;

    private Shape(long[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        for (long d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be > 0, found " + Arrays.toString(dims));
            }
        }
        this.dims = dims.clone();
    }

    @JsonCreator
    public static Shape of(long... dims) {
        return new Shape(dims);
    }

    public static Shape image(int channels, int height, int width) {
        return new Shape(new long[] {channels, height, width});
    }

    public static Shape vector(int features) {
        return new Shape(new long[] {features});
    }

    @JsonValue
    public long[] dims() {
        return dims.clone();
    }

    public boolean isImage() {
        return dims.length == 3;
    }

    public int channels() {
        requireImage();
        return (int) dims[0];
    }

    public int height() {
        requireImage();
        return (int) dims[1];
    }

    public int width() {
        requireImage();
        return (int) dims[2];
    }

    /** Number of values in one example. */
    public long size() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The shape of a batch of {@code n} examples. */
    public long[] withBatch(long n) {
        long[] shape = new long[dims.length + 1];
        shape[0] = n;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return shape;
    }

    private void requireImage() {
        if (!isImage()) {
            throw new IllegalStateException("shape " + this + " is not an image shape [channels, height, width]");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
