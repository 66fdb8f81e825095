package dev.gan4j.datasets;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * An image file and its label file.
 *
 * @param labels {@code null} for unlabelled images
 */
public record IdxFiles(Path images, Path labels) {
    public IdxFiles {
        requireNonNull(images, "images is null");
    }

    @Override
    public String toString() {
        return labels == null ? images.toString() : images + " and " + labels;
    }
}
