package dev.gan4j.core.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Draws 2-D samples {@code [n, 2]} as a PNG scatter plot, the picture of the mode-coverage benchmarks. */
public final class ScatterPlot {
    private static final int SIZE = 400;
    private static final int MARGIN = 10;

    private ScatterPlot() {
    }

    /**
     * @param extent the plot shows [-extent, extent] on both axes
     */
    public static BufferedImage render(INDArray points, double extent) {
        if (points.rank() != 2 || points.size(1) != 2) {
            throw new IllegalArgumentException("a scatter plot needs points [n, 2], found " + java.util.Arrays.toString(points.shape()));
        }
        if (!(extent > 0)) {
            throw new IllegalArgumentException("extent must be > 0, found " + extent);
        }
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(220, 220, 220));
            g.setStroke(new BasicStroke(1));
            g.drawLine(SIZE / 2, 0, SIZE / 2, SIZE);
            g.drawLine(0, SIZE / 2, SIZE, SIZE / 2);
            g.setColor(new Color(30, 90, 200, 120));
            double[][] xy = points.castTo(DataType.DOUBLE).toDoubleMatrix();
            double scale = (SIZE - 2 * MARGIN) / (2 * extent);
            for (double[] p : xy) {
                int x = (int) Math.round(SIZE / 2.0 + p[0] * scale);
                int y = (int) Math.round(SIZE / 2.0 - p[1] * scale);
                g.fillOval(x - 2, y - 2, 4, 4);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the plot atomically. */
    public static void write(INDArray points, double extent, Path target) throws IOException {
        AtomicFiles.writePng(render(points, extent), target);
    }

    /** Writes the plot with an extent fitted to the points: a quarter beyond the farthest, between 1.5 and 10. */
    public static void write(INDArray points, Path target) throws IOException {
        double extent = Math.min(10, Math.max(1.5, 1.25 * points.amaxNumber().doubleValue()));
        write(points, extent, target);
    }
}
