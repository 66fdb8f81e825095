package dev.gan4j.datasets.folder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small pictures written to disk for the image-folder tests. */
final class Pictures {
    private Pictures() {
    }

    /** A picture of one opaque colour {@code 0xRRGGBB}. */
    static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Columns coloured by {@code rgbOfColumn}, {@code 0xRRGGBB} each. */
    static BufferedImage columns(int height, int... rgbOfColumn) {
        BufferedImage image = new BufferedImage(rgbOfColumn.length, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < rgbOfColumn.length; x++) {
                image.setRGB(x, y, rgbOfColumn[x]);
            }
        }
        return image;
    }

    /** Writes {@code image} in {@code format} (png, jpg, gif, bmp) at {@code root/path}, making folders. */
    static Path write(Path root, String path, BufferedImage image) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        String format = path.substring(path.lastIndexOf('.') + 1);
        BufferedImage toWrite = image;
        if (!format.equals("png") && image.getType() == BufferedImage.TYPE_INT_ARGB) {
            toWrite = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            toWrite.getGraphics().drawImage(image, 0, 0, null);
        }
        if (!ImageIO.write(toWrite, format.equals("jpg") ? "jpeg" : format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** Writes a UTF-8 text file at {@code root/path}. */
    static Path text(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A folder of {@code count} solid pictures {@code images/000.png ...}, each its own colour. */
    static Map<String, Integer> numbered(Path root, int count, int size) throws IOException {
        java.util.Map<String, Integer> colours = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            int rgb = (i * 37 % 256) << 16 | (i * 91 % 256) << 8 | (i * 53 % 256);
            String path = String.format("images/%03d.png", i);
            write(root, path, solid(size, size, rgb));
            colours.put(path, rgb);
        }
        return colours;
    }
}
