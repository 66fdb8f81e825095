package dev.gan4j.datasets.folder;

import dev.gan4j.core.io.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The pictures of a folder, found recursively, each with its size and modification time; hidden files and folders
 * (among them the {@code .gan-cache} the prepared archives go to) are passed over. Paths are relative to the folder,
 * with {@code /} separators, sorted, so the order of the examples is the same on every machine.
 */
final class FolderScan {
    /** The extensions read as pictures, lower case. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

    /** One file: its path relative to the folder, its size in bytes and its modification time in milliseconds. */
    record Entry(String path, long size, long modified) {
        Entry {
            requireNonNull(path, "path is null");
        }

        String line() {
            return path + '\t' + size + '\t' + modified;
        }
    }

    private final Path root;
    private final List<Entry> images;

    private FolderScan(Path root, List<Entry> images) {
        this.root = root;
        this.images = List.copyOf(images);
    }

    static FolderScan of(Path root) throws IOException {
        requireNonNull(root, "root is null");
        List<Entry> images = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !hidden(file) && isImage(file)) {
                    images.add(new Entry(relative(root, file), attributes.size(), attributes.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            /** A hidden folder that cannot be opened (another user's {@code .Trash}) is passed over like any hidden one. */
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (hidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                throw new IOException("cannot read " + file + " (" + e.getClass().getSimpleName() + "): fix its permissions"
                        + " or move it out of " + root, e);
            }
        });
        images.sort(Comparator.comparing(Entry::path));
        return new FolderScan(root, images);
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** {@code file} relative to {@code root}, with {@code /} separators. */
    static String relative(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(part);
        }
        return path.toString();
    }

    Path root() {
        return root;
    }

    /** The pictures, sorted by path. */
    List<Entry> images() {
        return images;
    }

    /** SHA-256 of every picture's path, size and modification time: changes when a picture is added, removed or modified. */
    String fingerprint() {
        return fingerprint(images);
    }

    static String fingerprint(List<Entry> entries) {
        MessageDigest digest = Sha256.newDigest();
        for (Entry entry : entries) {
            digest.update((entry.line() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }
}
