package dev.gan4j.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScatterPlotTest {
    @Test
    void pointsAreDrawnWhereTheyAre(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.png");
        ScatterPlot.write(Nd4j.create(new double[][] {{1, 1}, {-1, -1}}), 2, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(400, image.getWidth());
        int white = 0xffffff;
        // (1, 1) maps to (200 + 95, 200 - 95) with the 10-pixel margin and extent 2
        assertNotEquals(white, image.getRGB(295, 105) & 0xffffff, "a point at (1, 1)");
        assertNotEquals(white, image.getRGB(105, 295) & 0xffffff, "a point at (-1, -1)");
        assertEquals(white, image.getRGB(295, 295) & 0xffffff, "nothing at (1, -1)");
    }

    @Test
    void onlyPlanePointsArePlotted() {
        assertThrows(IllegalArgumentException.class, () -> ScatterPlot.render(Nd4j.create(new double[][] {{1, 2, 3}}), 1));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlot.render(Nd4j.create(new double[][] {{1, 2}}), 0));
    }
}
