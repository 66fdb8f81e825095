package dev.gan4j.core.api;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Draws N(0, 1) arrays on the Java side from a seeded generator. ND4J 1.0.0-M2.1's {@code randn}
 * is not reproducible for larger arrays even right after {@code setSeed} (its native generator
 * splits the work across threads), so every draw that must repeat (weights, latents, noise) goes
 * through here.
 */
public final class NormalSampler {
    private final SplittableRandom random;

    public NormalSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next {@code shape}-sized block of standard normal values. */
    public INDArray next(DataType dataType, long... shape) {
        float[] values = new float[count(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return array(values, dataType, shape);
    }

    /** The next {@code shape}-sized block of values uniform on [0, 1), from the same stream. */
    public INDArray nextUniform(DataType dataType, long... shape) {
        float[] values = new float[count(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return array(values, dataType, shape);
    }

    private static int count(long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many values for one draw: " + n);
        }
        return (int) n;
    }

    private static INDArray array(float[] values, DataType dataType, long... shape) {
        INDArray array = Nd4j.create(values, shape, 'c');
        return dataType == DataType.FLOAT ? array : array.castTo(dataType);
    }

    /** {@code n} standard normal vectors of size {@code dim} drawn from {@code seed}: the latents of sampling and evaluation. */
    public static INDArray latents(long seed, int n, int dim) {
        return new NormalSampler(seed).next(DataType.FLOAT, n, dim);
    }
}
