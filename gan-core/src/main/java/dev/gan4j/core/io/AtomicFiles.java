package dev.gan4j.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files that appear complete or not at all: written under a hidden temporary name beside the target,
 * then renamed. Unlike {@code Files.createTempFile}, the temporary file gets the process's normal
 * permissions, so the result is as readable as any file the user writes.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** A hidden, unused path beside {@code target} for writing before {@link #commit}. */
    public static Path temporarySibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** Renames a finished temporary file (or directory) onto {@code target}. */
    public static void commit(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes an image as a PNG that appears complete or not at all. */
    public static void writePng(java.awt.image.RenderedImage image, Path target) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            if (!javax.imageio.ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer available");
            }
            commit(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static void writeString(Path target, CharSequence text) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            commit(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
