package dev.gan4j.core.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Lays out images {@code [n, c, h, w]} in [-1, 1] as a grid and writes it as a PNG. */
public final class ImageGrid {
    private static final int PADDING = 2;
    private static final int SCALE = 2;

    private ImageGrid() {
    }

    public static BufferedImage render(INDArray images, int columns) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("expected images [n, c, h, w], found shape " + java.util.Arrays.toString(images.shape()));
        }
        int n = (int) images.size(0);
        int c = (int) images.size(1);
        int h = (int) images.size(2);
        int w = (int) images.size(3);
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("grids need 1 or 3 channels, found " + c);
        }
        int cols = Math.max(1, Math.min(columns, n));
        int rows = (n + cols - 1) / cols;
        int cellW = w * SCALE + PADDING;
        int cellH = h * SCALE + PADDING;
        BufferedImage image = new BufferedImage(cols * cellW + PADDING, rows * cellH + PADDING, BufferedImage.TYPE_INT_RGB);
        float[] v = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int x0 = PADDING + (i % cols) * cellW;
            int y0 = PADDING + (i / cols) * cellH;
            int base = i * c * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int r = toByte(v[base + p]);
                    int g = c == 3 ? toByte(v[base + plane + p]) : r;
                    int b = c == 3 ? toByte(v[base + 2 * plane + p]) : r;
                    int rgb = (r << 16) | (g << 8) | b;
                    for (int dy = 0; dy < SCALE; dy++) {
                        for (int dx = 0; dx < SCALE; dx++) {
                            image.setRGB(x0 + x * SCALE + dx, y0 + y * SCALE + dy, rgb);
                        }
                    }
                }
            }
        }
        return image;
    }

    /** Writes the grid atomically: a reader never sees a half-written PNG. */
    public static void write(INDArray images, int columns, Path target) throws IOException {
        AtomicFiles.writePng(render(images, columns), target);
    }

    private static int toByte(float value) {
        float scaled = (value + 1f) * 127.5f;
        return Math.max(0, Math.min(255, Math.round(scaled)));
    }
}
