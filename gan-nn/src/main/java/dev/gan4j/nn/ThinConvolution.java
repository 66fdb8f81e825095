package dev.gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * The forward pass of a stride-1 convolution onto a few maps (an image's 1 or 3 channels: SRResNet's 9x9 output
 * convolution, SN-GAN's last 3x3), computed the way a transposed convolution is. libnd4j's {@code conv2d} is slow on
 * such thin outputs: the 9x9 convolution of {@code anime-avatars} took 470 ms of a 2.8 s step
 * ({@code gan bench anime-avatars --profile}), this form about 300 ms. Its backward pass stays {@code conv2d_bp}, which
 * a Java form of the same kind did not beat.
 *
 * <p>A stride-1 convolution by W with padding p is the transposed convolution by W flipped in space, its two channel
 * axes swapped, with padding k - 1 - p. So, per example, with {@code F[c, (o, i, j)] = W[o, c, k-1-i, k-1-j]}, the
 * columns {@code F^T x} ({@code [o k k, h w]}, one gemm as wide as the input has maps) are summed into the output by
 * col2im, a Java loop over the example's columns ({@link HostCopy}): libnd4j's {@code col2im} takes several
 * milliseconds per example on these sizes.
 */
final class ThinConvolution {
    private final int in;
    private final int out;
    private final int kernel;
    private final int padding;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;
    private final Buffers buffers;
    private final double[] columns;
    private final double[] image;
    private final double[] weights;
    private final double[] flippedValues;
    private final float[] scratch;

    ThinConvolution(int in, int out, int kernel, int padding, int height, int width, Buffers buffers) {
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.padding = padding;
        this.height = height;
        this.width = width;
        this.outHeight = height + 2 * padding - kernel + 1;
        this.outWidth = width + 2 * padding - kernel + 1;
        this.buffers = buffers;
        int columnLength = out * kernel * kernel * height * width;
        this.columns = new double[columnLength];
        this.image = new double[out * outHeight * outWidth];
        this.weights = new double[out * in * kernel * kernel];
        this.flippedValues = new double[weights.length];
        this.scratch = new float[Math.max(columnLength, image.length)];
    }

    /** W {@code [out, in, k, k]} flipped into F {@code [in, out k k]}, in this object's buffer. */
    INDArray flip(INDArray w) {
        HostCopy.read(w, weights, scratch);
        int kk = kernel * kernel;
        for (int o = 0; o < out; o++) {
            for (int c = 0; c < in; c++) {
                for (int t = 0; t < kk; t++) {
                    flippedValues[(c * out + o) * kk + t] = weights[(o * in + c) * kk + kk - 1 - t];
                }
            }
        }
        INDArray flipped = buffers.get("flipped", in, (long) out * kk);
        HostCopy.write(flippedValues, flipped, scratch);
        return flipped;
    }

    /** y = conv(x, W) without bias, F being {@link #flip}(W). */
    void forward(INDArray x, INDArray flipped, INDArray y) {
        long n = x.size(0);
        INDArray z = buffers.get("thinColumns", (long) out * kernel * kernel, (long) height * width);
        for (long e = 0; e < n; e++) {
            INDArray example = x.get(NDArrayIndex.point(e)).reshape('c', in, (long) height * width);
            Nd4j.gemm(flipped, example, z, true, false, 1.0, 0.0);
            HostCopy.read(z, columns, scratch);
            col2im();
            HostCopy.write(image, y.get(NDArrayIndex.point(e)), scratch);
        }
    }

    /** image[o, r + i - q, s + j - q] += columns[o, i, j, r, s] with q = k - 1 - padding, inside the output. */
    private void col2im() {
        int q = kernel - 1 - padding;
        Arrays.fill(image, 0);
        int plane = height * width;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++) {
                    int base = ((o * kernel + i) * kernel + j) * plane;
                    int from = Math.max(0, q - j);
                    int to = Math.min(width, outWidth + q - j);
                    for (int r = 0; r < height; r++) {
                        int y = r + i - q;
                        if (y < 0 || y >= outHeight) {
                            continue;
                        }
                        int source = base + r * width;
                        int target = (o * outHeight + y) * outWidth + j - q;
                        for (int s = from; s < to; s++) {
                            image[target + s] += columns[source + s];
                        }
                    }
                }
            }
        }
    }
}
