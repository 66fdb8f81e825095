package dev.gan4j.datasets.folder;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

import static java.util.Objects.requireNonNull;

/**
 * Turns a decoded picture into one example: alpha composited onto the background, converted to grey when asked
 * (ITU-R BT.601 luma, as Pillow's {@code L} mode), fitted to the example's shape by the {@link ImageTransform} and
 * resampled by the {@link ResampleFilter}, all in floating point, then rounded to bytes laid out channel by channel
 * ({@code [channels, height, width]}, the layout of a batch), so a batch is one pass over them.
 *
 * <p>Rows are read and filtered horizontally a band at a time, so a large photograph costs a few megabytes of
 * floats beyond its decoded self, whatever its size.
 */
final class ImagePreparation {
    private static final int BAND_ROWS = 64;

    private final int width;
    private final int height;
    private final int channels;
    private final ImageTransform transform;
    private final ResampleFilter filter;
    private final float[] background;

    /**
     * @param background the colour alpha is composited onto and {@link ImageTransform#PAD} fills with, {@code 0xRRGGBB}
     */
    ImagePreparation(int width, int height, int channels, ImageTransform transform, ResampleFilter filter, int background) {
        if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("examples of " + channels + "x" + height + "x" + width);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.transform = requireNonNull(transform, "transform is null");
        this.filter = requireNonNull(filter, "filter is null");
        float r = (background >> 16) & 0xFF;
        float g = (background >> 8) & 0xFF;
        float b = background & 0xFF;
        this.background = channels == 3 ? new float[] {r, g, b} : new float[] {luma(r, g, b)};
    }

    /** Bytes of one example. */
    int exampleBytes() {
        return channels * height * width;
    }

    /** {@code image} as an example: {@code [channels, height, width]} bytes. */
    byte[] prepare(BufferedImage image) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        double x0 = 0;
        double y0 = 0;
        double ww = sw;
        double wh = sh;
        int ox = 0;
        int oy = 0;
        int tw = width;
        int th = height;
        double aspect = (double) width / height;
        switch (transform) {
            case CENTER_CROP -> {
                if ((double) sw / sh > aspect) {
                    ww = sh * aspect;
                    x0 = (sw - ww) / 2;
                } else {
                    wh = sw / aspect;
                    y0 = (sh - wh) / 2;
                }
            }
            case PAD -> {
                double fit = Math.min((double) width / sw, (double) height / sh);
                tw = Math.max(1, Math.min(width, (int) Math.round(sw * fit)));
                th = Math.max(1, Math.min(height, (int) Math.round(sh * fit)));
                ox = (width - tw) / 2;
                oy = (height - th) / 2;
            }
            case RESIZE -> {
            }
        }
        AxisWeights across = AxisWeights.of(sw, x0, ww, tw, filter);
        AxisWeights down = AxisWeights.of(sh, y0, wh, th, filter);
        int colLow = across.low();
        int colHigh = across.high();
        int rowLow = down.low();
        int rowHigh = down.high();
        int cols = colHigh - colLow;
        int rows = rowHigh - rowLow;
        float[][] filtered = new float[channels][rows * tw];
        int[] argb = new int[cols * Math.min(BAND_ROWS, rows)];
        float[][] planes = new float[channels][cols];
        for (int band = 0; band < rows; band += BAND_ROWS) {
            int bandRows = Math.min(BAND_ROWS, rows - band);
            readArgb(image, colLow, rowLow + band, cols, bandRows, argb);
            for (int r = 0; r < bandRows; r++) {
                toPlanes(argb, r * cols, cols, planes);
                for (int c = 0; c < channels; c++) {
                    float[] plane = planes[c];
                    float[] target = filtered[c];
                    int rowStart = (band + r) * tw;
                    for (int x = 0; x < tw; x++) {
                        int from = across.first(x) - colLow;
                        int n = across.count(x);
                        float sum = 0;
                        for (int j = 0; j < n; j++) {
                            sum += across.weight(x, j) * plane[from + j];
                        }
                        target[rowStart + x] = sum;
                    }
                }
            }
        }
        byte[] example = new byte[exampleBytes()];
        int planeSize = width * height;
        for (int c = 0; c < channels; c++) {
            byte fill = toByte(background[c]);
            java.util.Arrays.fill(example, c * planeSize, (c + 1) * planeSize, fill);
            float[] source = filtered[c];
            for (int y = 0; y < th; y++) {
                int from = down.first(y) - rowLow;
                int n = down.count(y);
                int out = c * planeSize + (oy + y) * width + ox;
                for (int x = 0; x < tw; x++) {
                    float sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += down.weight(y, j) * source[(from + j) * tw + x];
                    }
                    example[out + x] = toByte(sum);
                }
            }
        }
        return example;
    }

    private void toPlanes(int[] argb, int offset, int cols, float[][] planes) {
        for (int x = 0; x < cols; x++) {
            int p = argb[offset + x];
            float alpha = (p >>> 24) / 255f;
            float r = (p >> 16) & 0xFF;
            float g = (p >> 8) & 0xFF;
            float b = p & 0xFF;
            if (channels == 3) {
                planes[0][x] = alpha * r + (1 - alpha) * background[0];
                planes[1][x] = alpha * g + (1 - alpha) * background[1];
                planes[2][x] = alpha * b + (1 - alpha) * background[2];
            } else {
                planes[0][x] = alpha * luma(r, g, b) + (1 - alpha) * background[0];
            }
        }
    }

    /**
     * Packed ARGB of a block of pixels. Grey images are read from their samples: {@code getRGB} would take their grey
     * colour space for linear light and brighten every mid-tone on the way to sRGB.
     */
    private static void readArgb(BufferedImage image, int x, int y, int w, int h, int[] argb) {
        if (image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            Raster raster = image.getRaster();
            int bands = raster.getNumBands();
            boolean alpha = model.hasAlpha() && bands > 1;
            int greyBits = model.getComponentSize(0);
            int alphaBits = alpha ? model.getComponentSize(bands - 1) : 8;
            int[] grey = raster.getSamples(x, y, w, h, 0, (int[]) null);
            int[] opacity = alpha ? raster.getSamples(x, y, w, h, bands - 1, (int[]) null) : null;
            for (int i = 0; i < w * h; i++) {
                int v = to8Bits(grey[i], greyBits);
                int a = alpha ? to8Bits(opacity[i], alphaBits) : 255;
                argb[i] = a << 24 | v << 16 | v << 8 | v;
            }
            return;
        }
        image.getRGB(x, y, w, h, argb, 0, w);
    }

    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        long max = (1L << bits) - 1;
        return (int) Math.round(sample * 255.0 / max);
    }

    private static float luma(float r, float g, float b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    private static byte toByte(float value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
