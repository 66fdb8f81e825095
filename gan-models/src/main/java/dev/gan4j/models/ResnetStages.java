package dev.gan4j.models;

import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;

/**
 * How the {@code resnet} pair sizes itself to the data: the image is halved while its side is even and above 7
 * (64 to 4 in four stages, 32 to 4 in three, 28 to 7 in two), one residual block per halving, and one more stage (G's
 * projection, D's last block, which keeps the size); the feature maps of each stage are given as {@code channels} or
 * as a {@code width} times per-stage {@code multipliers}.
 */
final class ResnetStages {
    private ResnetStages() {
    }

    /** The number of halvings of {@code shape}'s sides down to the smallest map, at least one. */
    static int halvings(Shape shape) {
        int h = shape.height();
        int w = shape.width();
        int count = 0;
        while (h % 2 == 0 && w % 2 == 0 && Math.max(h, w) > 7) {
            h /= 2;
            w /= 2;
            count++;
        }
        if (count == 0) {
            throw new InvalidValueException("type", "resnet halves the image at least once, but " + shape.height() + "x"
                    + shape.width() + " cannot be halved");
        }
        return count;
    }

    /**
     * {@code channels} when given; else {@code width} (default {@code defaultWidth}) times each of {@code multipliers}
     * (default all ones: the SN-GAN CIFAR layout, every stage equally wide), {@code stages} values in all.
     */
    static int[] channels(int[] channels, Integer width, int[] multipliers, int stages, int defaultWidth) {
        if (channels != null && (width != null || multipliers != null)) {
            throw new InvalidValueException("channels", "give channels, or width and multipliers, not both");
        }
        if (channels != null) {
            if (channels.length != stages) {
                throw new InvalidValueException("channels", "needs " + stages + " values for this image size (one per stage: "
                        + (stages - 1) + " halvings and one more), found " + channels.length);
            }
            return channels.clone();
        }
        if (multipliers != null && multipliers.length != stages) {
            throw new InvalidValueException("multipliers", "needs " + stages + " values for this image size (one per stage: "
                    + (stages - 1) + " halvings and one more), found " + multipliers.length);
        }
        int base = width == null ? defaultWidth : width;
        int[] result = new int[stages];
        for (int i = 0; i < stages; i++) {
            result[i] = base * (multipliers == null ? 1 : multipliers[i]);
        }
        return result;
    }
}
