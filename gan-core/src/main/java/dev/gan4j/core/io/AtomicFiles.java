package dev.gan4j.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files that appear complete or not at all: written under a hidden temporary name beside the target,
 * then renamed. Unlike {@code Files.createTempFile}, the temporary file gets the process's normal
 * permissions, so the result is as readable as any file the user writes.
 */
public final class AtomicFiles {
    /** What {@link #temporarySibling} names, with the writing process's id in group 1 and its suffix in group 2. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-(\\d+)-([0-9a-f]+)");
    /**
     * Starts the suffix of this JVM's temporaries: a process id alone does not tell this JVM from a killed one that
     * had the same id, as every JVM in a container may have.
     */
    private static final String THIS_JVM = String.format("%016x", new java.security.SecureRandom().nextLong());

    private static final boolean REFUSES_DIRECTORY_SYNC = System.getProperty("os.name", "").startsWith("Windows");

    private AtomicFiles() {
    }

    /**
     * Whether {@code path} is a {@link #temporarySibling} of a process no longer running (or of an earlier process
     * with this one's id), so nobody will finish it.
     */
    public static boolean isAbandoned(Path path) {
        Path name = path.getFileName();
        Matcher m = TEMPORARY.matcher(name == null ? "" : name.toString());
        if (!m.matches()) {
            return false;
        }
        boolean ours = m.group(1).equals(Long.toString(ProcessHandle.current().pid()));
        return ours ? !m.group(2).startsWith(THIS_JVM) : !isRunning(m.group(1));
    }

    /**
     * Deletes the temporary files and directories directly in {@code directory} that a killed process left behind
     * mid-write; nothing else ever removes them. Those of a running process are kept: it may still be writing them.
     *
     * @return the paths deleted
     */
    public static List<Path> deleteAbandoned(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> abandoned;
        try (Stream<Path> entries = Files.list(directory)) {
            abandoned = entries.filter(AtomicFiles::isAbandoned).sorted().toList();
        }
        for (Path path : abandoned) {
            deleteRecursively(path);
        }
        return abandoned;
    }

    /** A hidden, unused path beside {@code target} for writing before {@link #commit}. */
    public static Path temporarySibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + THIS_JVM
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** Renames a finished temporary file (or directory) onto {@code target}. */
    public static void commit(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes an image as a PNG that appears complete or not at all, and survives a power cut once this returns. */
    public static void writePng(java.awt.image.RenderedImage image, Path target) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            if (!javax.imageio.ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer available");
            }
            syncFile(temporary);
            commit(temporary, target);
            syncDirectory(temporary.getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean isRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes a file, or a directory with everything in it. */
    public static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Writes text that appears complete or not at all, and survives a power cut once this returns. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            commit(temporary, target);
            syncDirectory(temporary.getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Flushes a file written by a stream that is already closed (an image writer, an HTTP download) to disk, so that
     * renaming it over its target cannot leave a name pointing at unwritten blocks after a power cut.
     */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Flushes a directory's entries to disk, so that files created or renamed in it survive a power cut: syncing a
     * file does not sync its name.
     */
    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals renames itself, so there is nothing to lose.
            if (!REFUSES_DIRECTORY_SYNC) {
                throw e;
            }
        }
    }
}
