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
 * killed process releases it. The file stays: deleting it while another process waits to lock it would let that
 * process and a third one lock two different files. Only a directory created for a run that never started (it
 * holds nothing but the lock) is removed again.
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
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
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
            if (created && holdsOnlyTheLock()) {
                Files.deleteIfExists(directory.resolve(FILE));
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            // Only tidying: an empty run directory left behind does no harm.
        } finally {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel releases the lock; the OS releases it at exit in any case.
            }
        }
    }

    private boolean holdsOnlyTheLock() throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(FILE));
        }
    }
}
