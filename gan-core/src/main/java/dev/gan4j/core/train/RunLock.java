package dev.gan4j.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One training process per run directory: two would write the same checkpoints, and one's metrics rewrite on
 * resume would cut the other's lines off. The lock is an OS file lock on {@code .lock} in the run directory, so a
 * killed process releases it; closing also removes the file, and the directory when it was created for nothing.
 */
final class RunLock implements AutoCloseable {
    private static final String FILE = ".lock";

    private final Path directory;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path directory, boolean created, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Path directory) {
        boolean created = !Files.exists(directory);
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another training process is using run directory " + directory
                        + "; wait for it to finish, or train elsewhere with --run-dir");
            }
            return new RunLock(directory, created, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run directory " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(directory.resolve(FILE));
            lock.release();
            channel.close();
            if (created) {
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(directory);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock run directory " + directory, e);
        }
    }
}
