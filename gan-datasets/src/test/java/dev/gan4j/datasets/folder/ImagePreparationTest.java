package dev.gan4j.datasets.folder;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePreparationTest {
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int WHITE = 0xFFFFFF;

    private static int at(byte[] example, int channel, int y, int x, int height, int width) {
        return example[channel * height * width + y * width + x] & 0xFF;
    }

    private static int rgbAt(byte[] example, int y, int x, int size) {
        return at(example, 0, y, x, size, size) << 16 | at(example, 1, y, x, size, size) << 8 | at(example, 2, y, x, size, size);
    }

    @Test
    void samePictureSizeKeepsEveryPixelChannelByChannel() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0x102030, 0x405060, 0x708090, 0xA0B0C0, 0xD0E0F0, 0x010203};
        for (int i = 0; i < colours.length; i++) {
            image.setRGB(i % 3, i / 3, colours[i]);
        }
        byte[] example = new ImagePreparation(3, 2, 3, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(image);
        assertEquals(18, example.length);
        for (int i = 0; i < colours.length; i++) {
            int y = i / 3;
            int x = i % 3;
            assertEquals(colours[i] >> 16 & 0xFF, at(example, 0, y, x, 2, 3));
            assertEquals(colours[i] >> 8 & 0xFF, at(example, 1, y, x, 2, 3));
            assertEquals(colours[i] & 0xFF, at(example, 2, y, x, 2, 3));
        }
    }

    @Test
    void centerCropKeepsTheMiddleOfAWidePicture() {
        BufferedImage wide = Pictures.columns(8, RED, RED, RED, RED, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN,
                BLUE, BLUE, BLUE, BLUE);
        byte[] example = new ImagePreparation(4, 4, 3, ImageTransform.CENTER_CROP, ResampleFilter.AREA, WHITE).prepare(wide);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(GREEN, rgbAt(example, y, x, 4), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void centerCropOfATallPictureKeepsItsMiddleRows() {
        BufferedImage tall = new BufferedImage(2, 6, BufferedImage.TYPE_INT_RGB);
        int[] rows = {RED, RED, GREEN, GREEN, BLUE, BLUE};
        for (int y = 0; y < 6; y++) {
            tall.setRGB(0, y, rows[y]);
            tall.setRGB(1, y, rows[y]);
        }
        byte[] example = new ImagePreparation(2, 2, 3, ImageTransform.CENTER_CROP, ResampleFilter.AREA, WHITE).prepare(tall);
        assertEquals(GREEN, rgbAt(example, 0, 0, 2));
        assertEquals(GREEN, rgbAt(example, 1, 1, 2));
    }

    @Test
    void resizeStretchesTheWholePicture() {
        BufferedImage wide = Pictures.columns(8, RED, RED, RED, RED, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN,
                BLUE, BLUE, BLUE, BLUE);
        byte[] example = new ImagePreparation(4, 4, 3, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(wide);
        for (int y = 0; y < 4; y++) {
            assertEquals(RED, rgbAt(example, y, 0, 4));
            assertEquals(GREEN, rgbAt(example, y, 1, 4));
            assertEquals(GREEN, rgbAt(example, y, 2, 4));
            assertEquals(BLUE, rgbAt(example, y, 3, 4));
        }
    }

    @Test
    void padFitsThePictureAndFillsTheRestWithTheBackground() {
        BufferedImage wide = Pictures.solid(16, 8, RED);
        byte[] example = new ImagePreparation(4, 4, 3, ImageTransform.PAD, ResampleFilter.AREA, 0x123456).prepare(wide);
        for (int x = 0; x < 4; x++) {
            assertEquals(0x123456, rgbAt(example, 0, x, 4));
            assertEquals(RED, rgbAt(example, 1, x, 4));
            assertEquals(RED, rgbAt(example, 2, x, 4));
            assertEquals(0x123456, rgbAt(example, 3, x, 4));
        }
    }

    @Test
    void shrinkingAveragesTheAreaInsteadOfPickingAPixel() {
        BufferedImage checker = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? WHITE : 0);
            }
        }
        for (ResampleFilter filter : ResampleFilter.values()) {
            byte[] example = new ImagePreparation(2, 2, 1, ImageTransform.RESIZE, filter, WHITE).prepare(checker);
            for (byte value : example) {
                // Lanczos's truncated window leaves a little of the checker on a 4-pixel picture; nearest would give 0 or 255
                assertEquals(128, value & 0xFF, filter == ResampleFilter.AREA ? 0.5 : 8, filter + " gives " + (value & 0xFF));
            }
        }
    }

    @Test
    void areaShrinkingByAFractionWeighsPartlyCoveredPixels() {
        // 3 columns (0, 90, 180) onto 2: the first output covers column 0 and half of column 1.
        BufferedImage image = Pictures.columns(1, 0x000000, 0x5A5A5A, 0xB4B4B4);
        byte[] example = new ImagePreparation(2, 1, 1, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(image);
        assertEquals(30, example[0] & 0xFF);
        assertEquals(150, example[1] & 0xFF);
    }

    @Test
    void enlargingInterpolatesBetweenPixels() {
        BufferedImage image = Pictures.columns(1, 0x000000, 0xFFFFFF);
        byte[] example = new ImagePreparation(4, 1, 1, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(image);
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            values[i] = example[i] & 0xFF;
        }
        assertArrayEquals(new int[] {0, 64, 191, 255}, values);
    }

    @Test
    void greyPicturesKeepTheirValues() {
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        int[] values = {0, 100, 200, 255};
        for (int i = 0; i < 4; i++) {
            raster.setSample(i % 2, i / 2, 0, values[i]);
        }
        byte[] asGrey = new ImagePreparation(2, 2, 1, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(grey);
        byte[] asRgb = new ImagePreparation(2, 2, 3, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(grey);
        for (int i = 0; i < 4; i++) {
            assertEquals(values[i], asGrey[i] & 0xFF);
            for (int c = 0; c < 3; c++) {
                assertEquals(values[i], asRgb[c * 4 + i] & 0xFF);
            }
        }
    }

    @Test
    void sixteenBitGreyIsScaledToBytes() {
        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(0, 0, 0, 65535 / 5);
        byte[] example = new ImagePreparation(1, 1, 1, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(grey);
        assertEquals(51, example[0] & 0xFF);
    }

    @Test
    void colourBecomesLumaInGrey() {
        byte[] red = new ImagePreparation(1, 1, 1, ImageTransform.RESIZE, ResampleFilter.AREA, WHITE).prepare(Pictures.solid(1, 1, RED));
        assertEquals(Math.round(0.299 * 255), red[0] & 0xFF);
    }

    @Test
    void transparencyIsCompositedOntoTheBackground() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00FF0000);
        image.setRGB(1, 0, 0x80FF0000);
        byte[] example = new ImagePreparation(2, 1, 3, ImageTransform.RESIZE, ResampleFilter.AREA, 0x0000FF).prepare(image);
        assertEquals(0, example[0] & 0xFF);
        assertEquals(255, example[4] & 0xFF);
        float alpha = 0x80 / 255f;
        assertEquals(Math.round(alpha * 255), example[1] & 0xFF);
        assertEquals(Math.round((1 - alpha) * 255), example[5] & 0xFF);
    }

    @Test
    void lanczosKeepsFlatAreasFlatAndStaysInRange() {
        BufferedImage image = Pictures.columns(4, 0, 0, 0, 0, WHITE, WHITE, WHITE, WHITE);
        byte[] example = new ImagePreparation(16, 8, 1, ImageTransform.RESIZE, ResampleFilter.LANCZOS, WHITE).prepare(image);
        for (int x = 0; x < 16; x++) {
            int value = example[x] & 0xFF;
            if (x < 5) {
                assertTrue(value <= 10, "dark side, column " + x + ": " + value);
            } else if (x > 10) {
                assertTrue(value >= 245, "bright side, column " + x + ": " + value);
            }
        }
        assertTrue((example[7] & 0xFF) < (example[8] & 0xFF), "the edge rises");
    }
}
