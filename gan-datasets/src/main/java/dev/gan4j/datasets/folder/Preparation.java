package dev.gan4j.datasets.folder;

import dev.gan4j.core.io.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Everything that decides the bytes of a prepared example: the archive of a folder is reused only under the same
 * preparation, and its file name carries {@link #key()}, so a folder can hold archives of several resolutions.
 *
 * @param background {@code rrggbb}, lower case
 */
record Preparation(int width, int height, int channels, ImageTransform transform, ResampleFilter filter, String background) {
    /** Checked, as the header of an archive read back from disk is: a damaged one then reads as damaged. */
    Preparation {
        if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("examples of " + channels + "x" + height + "x" + width);
        }
        if (background == null || !background.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("background must be rrggbb, found " + background);
        }
        requireNonNull(transform, "transform is null");
        requireNonNull(filter, "filter is null");
        background = background.toLowerCase(Locale.ROOT);
    }

    ImagePreparation pipeline() {
        return new ImagePreparation(width, height, channels, transform, filter, Integer.parseInt(background, 16));
    }

    int exampleBytes() {
        return channels * height * width;
    }

    /** A short digest of this preparation and the archive format, for file names. */
    String key() {
        MessageDigest digest = Sha256.newDigest();
        digest.update((ImageArchive.FORMAT + "|" + this).getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(digest).substring(0, 12);
    }

    /** The archive's file name: {@code images-64x64x3-<key>.gan}. */
    String fileName() {
        return "images-" + width + "x" + height + "x" + channels + "-" + key() + ".gan";
    }
}
