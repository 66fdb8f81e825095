package dev.gan4j.datasets.folder;

/**
 * One axis of a separable resampling: for each output pixel, the source pixels it reads and their weights, which sum
 * to one. The source window may start and end between pixels, so a centred crop of an odd margin stays centred.
 *
 * <p>Shrinking with {@link ResampleFilter#AREA} weighs each source pixel by the share of its extent that falls in the
 * output pixel's footprint, so the result is the exact mean over that footprint; enlarging interpolates linearly
 * between pixel centres. {@link ResampleFilter#LANCZOS} evaluates {@code sinc(x) sinc(x / 3)} for {@code |x| < 3},
 * with {@code x} in output pixels when shrinking (the kernel widened by the scale, which is what anti-aliases) and in
 * source pixels when enlarging. Weights outside the image are dropped and the rest renormalised.
 */
final class AxisWeights {
    private static final int LANCZOS_LOBES = 3;

    private final int[] first;
    private final int[] count;
    private final float[] weights;
    private final int stride;

    private AxisWeights(int[] first, int[] count, float[] weights, int stride) {
        this.first = first;
        this.count = count;
        this.weights = weights;
        this.stride = stride;
    }

    /**
     * @param sourceSize pixels of the source along this axis
     * @param start      where the window read starts, in source pixels (0 for the whole image)
     * @param length     the window's length in source pixels, {@code > 0}
     * @param outputs    output pixels the window becomes
     */
    static AxisWeights of(int sourceSize, double start, double length, int outputs, ResampleFilter filter) {
        if (sourceSize <= 0 || outputs <= 0 || !(length > 0) || start < -1e-9 || start + length > sourceSize + 1e-9) {
            throw new IllegalArgumentException("window [" + start + ", " + (start + length) + ") of an axis of " + sourceSize
                    + " pixels onto " + outputs);
        }
        double scale = length / outputs;
        double widening = Math.max(scale, 1.0);
        double radius = switch (filter) {
            case AREA -> scale >= 1 ? scale / 2 : 1.0;
            case LANCZOS -> LANCZOS_LOBES * widening;
        };
        int stride = (int) Math.ceil(2 * radius) + 2;
        int[] first = new int[outputs];
        int[] count = new int[outputs];
        float[] weights = new float[outputs * stride];
        double[] w = new double[stride];
        for (int i = 0; i < outputs; i++) {
            double a = start + i * scale;
            double b = a + scale;
            double centre = (a + b) / 2;
            int lo = Math.max(0, (int) Math.floor(centre - radius));
            int hi = Math.min(sourceSize, (int) Math.ceil(centre + radius));
            double sum = 0;
            int n = 0;
            for (int k = lo; k < hi; k++) {
                double weight;
                if (filter == ResampleFilter.AREA && scale >= 1) {
                    weight = Math.max(0, Math.min(b, k + 1) - Math.max(a, k));
                } else if (filter == ResampleFilter.AREA) {
                    weight = Math.max(0, 1 - Math.abs(k + 0.5 - centre));
                } else {
                    weight = lanczos((k + 0.5 - centre) / widening);
                }
                w[n++] = weight;
                sum += weight;
            }
            if (!(Math.abs(sum) > 1e-12)) {
                throw new IllegalStateException("no source pixel under output pixel " + i + " of window [" + a + ", " + b + ")");
            }
            first[i] = lo;
            count[i] = n;
            for (int j = 0; j < n; j++) {
                weights[i * stride + j] = (float) (w[j] / sum);
            }
        }
        return new AxisWeights(first, count, weights, stride);
    }

    private static double lanczos(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-9) {
            return 1;
        }
        if (ax >= LANCZOS_LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LANCZOS_LOBES * Math.sin(px) * Math.sin(px / LANCZOS_LOBES) / (px * px);
    }

    int outputs() {
        return first.length;
    }

    /** The first source pixel output {@code i} reads. */
    int first(int i) {
        return first[i];
    }

    /** How many source pixels output {@code i} reads. */
    int count(int i) {
        return count[i];
    }

    /** The weight of source pixel {@code first(i) + j} in output {@code i}. */
    float weight(int i, int j) {
        return weights[i * stride + j];
    }

    /** The lowest source pixel any output reads. */
    int low() {
        int low = Integer.MAX_VALUE;
        for (int value : first) {
            low = Math.min(low, value);
        }
        return low;
    }

    /** One past the highest source pixel any output reads. */
    int high() {
        int high = 0;
        for (int i = 0; i < first.length; i++) {
            high = Math.max(high, first[i] + count[i]);
        }
        return high;
    }
}
