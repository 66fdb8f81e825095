package dev.gan4j.core.train;

/**
 * Derives independent, reproducible seeds from the run's seed, a stream and an index (SplitMix64
 * finaliser). Every random draw of a step depends only on (seed, step), so a resumed run draws
 * exactly what an uninterrupted one would, with no generator state to save.
 */
public final class Seeds {
    /** Latent vectors and other draws of a training step. */
    public static final long STEP = 1;
    /** Data order of an epoch. */
    public static final long DATA = 2;
    /** Weight initialisation of a network, by role. */
    public static final long INIT = 3;
    /** The fixed latent batch of the sample grids. */
    public static final long GRID = 4;
    /** What a data source draws per step, such as which caption of an example a batch shows. */
    public static final long BATCH_DRAW = 5;

    private Seeds() {
    }

    public static long derive(long seed, long stream, long index) {
        long x = mix(seed + 0x9E3779B97F4A7C15L * (stream + 1));
        return mix(x + 0x9E3779B97F4A7C15L * (index + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
