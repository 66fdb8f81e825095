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
    Preparation {
        requireNonNull(transform, "transform is null");
        requireNonNull(filter, "filter is null");
        background = requireNonNull(background, "background is null").toLowerCase(Locale.ROOT);
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
