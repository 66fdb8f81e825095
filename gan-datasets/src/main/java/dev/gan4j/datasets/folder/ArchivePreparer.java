package dev.gan4j.datasets.folder;

import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.io.Sha256;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * Decodes every picture of a folder once, on every core, into an {@link ImageArchive}. Each worker writes its examples
 * straight to their place in the file, so memory stays at a few pictures per thread whatever the folder's size.
 *
 * <p>A picture that cannot be read (corrupt, truncated, not a picture, unreadable) is reported with its path. Without
 * {@code skipBad} every such picture is listed and nothing is written; with it they are left out and recorded in the
 * archive, and the examples after them moved up.
 *
 * <p>Decoded pictures live on the Java heap until they are resampled, so the workers share a budget of a third of
 * the heap, in kilobytes of decoded pixels: a folder of large photographs decodes as many at once as fit, not one per
 * core regardless.
 */
final class ArchivePreparer {
    private static final int LISTED_FAILURES = 20;

    static {
        ImageIO.setUseCache(false);
    }

    private ArchivePreparer() {
    }

    /** The pictures that cannot be read, each with why. */
    static final class BadImagesException extends IOException {
        private final List<ImageArchive.Skipped> failures;

        BadImagesException(Path root, List<ImageArchive.Skipped> failures) {
            super(message(root, failures));
            this.failures = List.copyOf(failures);
        }

        List<ImageArchive.Skipped> failures() {
            return failures;
        }

        private static String message(Path root, List<ImageArchive.Skipped> failures) {
            StringBuilder s = new StringBuilder().append(failures.size()).append(failures.size() == 1 ? " picture" : " pictures")
                    .append(" in ").append(root.toAbsolutePath()).append(" cannot be read:");
            failures.stream().limit(LISTED_FAILURES).forEach(f -> s.append("\n  ").append(f.path()).append(": ").append(f.reason()));
            if (failures.size() > LISTED_FAILURES) {
                s.append("\n  ... and ").append(failures.size() - LISTED_FAILURES).append(" more");
            }
            return s.append("\nRemove or replace them, or set \"skipBad\": true to train without them.").toString();
        }
    }

    /**
     * Prepares {@code scan}'s pictures into {@code target}, replacing what is there only once the new archive is
     * complete and on disk.
     */
    static ImageArchive prepare(FolderScan scan, Preparation preparation, boolean skipBad, Path target, Progress progress)
            throws IOException {
        requireNonNull(progress, "progress is null");
        List<FolderScan.Entry> entries = scan.images();
        int n = entries.size();
        int exampleBytes = preparation.exampleBytes();
        ImagePreparation pipeline = preparation.pipeline();
        byte[][] digests = new byte[n][];
        String[] failures = new String[n];
        Path temporary = AtomicFiles.temporarySibling(target);
        long needed = ImageArchive.PIXELS_OFFSET + (long) n * exampleBytes;
        long usable = Files.getFileStore(temporary.getParent()).getUsableSpace();
        if (usable < needed) {
            throw new IOException(String.format(Locale.ROOT, "preparing %s needs %,d MB in %s, which has %,d MB free; free some"
                    + " space or name another place with \"cache\"", scan.root(), needed >> 20, temporary.getParent(), usable >> 20));
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ)) {
                decodeAll(scan, pipeline, channel, digests, failures, progress, target);
                List<ImageArchive.Skipped> skipped = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (failures[i] != null) {
                        skipped.add(new ImageArchive.Skipped(entries.get(i).path(), failures[i]));
                    }
                }
                if (!skipped.isEmpty() && !skipBad) {
                    throw new BadImagesException(scan.root(), skipped);
                }
                int kept = compact(channel, failures, exampleBytes);
                long manifestOffset = ImageArchive.PIXELS_OFFSET + (long) kept * exampleBytes;
                MessageDigest content = Sha256.newDigest();
                StringBuilder manifest = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    FolderScan.Entry entry = entries.get(i);
                    manifest.append(entry.line()).append('\t').append(failures[i] == null ? ImageArchive.KEPT : "skipped").append('\n');
                    if (failures[i] == null) {
                        content.update(digests[i]);
                        content.update((entry.path() + '\n').getBytes(StandardCharsets.UTF_8));
                    }
                }
                writeFully(channel, ByteBuffer.wrap(manifest.toString().getBytes(StandardCharsets.UTF_8)), manifestOffset);
                long headerOffset = channel.size();
                ImageArchive.Header header = new ImageArchive.Header(ImageArchive.FORMAT, preparation, kept, scan.fingerprint(),
                        Sha256.hex(content), manifestOffset, skipped);
                byte[] headerBytes = ImageArchive.headerBytes(header);
                writeFully(channel, ByteBuffer.wrap(headerBytes), headerOffset);
                ByteBuffer preamble = ByteBuffer.allocate(ImageArchive.PREAMBLE).order(ByteOrder.LITTLE_ENDIAN)
                        .put(ImageArchive.MAGIC).putInt(ImageArchive.FORMAT).putLong(headerOffset).putInt(headerBytes.length);
                preamble.flip();
                writeFully(channel, preamble, 0);
                channel.force(true);
            }
            AtomicFiles.commit(temporary, target);
            AtomicFiles.syncDirectory(target.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
        return ImageArchive.open(target);
    }

    private static void decodeAll(FolderScan scan, ImagePreparation pipeline, FileChannel channel, byte[][] digests,
                                  String[] failures, Progress progress, Path target) throws IOException {
        List<FolderScan.Entry> entries = scan.images();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), entries.size()));
        int budget = heapBudgetKb();
        Semaphore heap = new Semaphore(budget);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "gan-prepare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    MessageDigest digest = Sha256.newDigest();
                    for (int i = next.getAndIncrement(); i < entries.size() && !stop.get(); i = next.getAndIncrement()) {
                        Path file = scan.root().resolve(entries.get(i).path());
                        byte[] example;
                        try (Decoded decoded = decode(file, heap, budget)) {
                            example = pipeline.prepare(decoded.image());
                        } catch (UnreadableImageException e) {
                            failures[i] = e.getMessage();
                            done.incrementAndGet();
                            continue;
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("preparing " + file + " failed: " + e, e);
                        }
                        writeFully(channel, ByteBuffer.wrap(example), ImageArchive.PIXELS_OFFSET + (long) i * example.length);
                        digests[i] = digest.digest(example);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            awaitAll(workers, stop, () -> progress.update(done.get()));
            progress.update(done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("preparing " + scan.root() + " was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IOException("cannot write " + target + ": " + io.getMessage(), io);
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every worker, reporting progress meanwhile; the first to fail stops the others and is thrown. */
    private static void awaitAll(List<Future<?>> workers, AtomicBoolean stop, Runnable tick)
            throws InterruptedException, ExecutionException {
        while (true) {
            boolean running = false;
            for (Future<?> worker : workers) {
                if (!worker.isDone()) {
                    running = true;
                    continue;
                }
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    stop.set(true);
                    throw e;
                }
            }
            if (!running) {
                return;
            }
            try {
                workers.get(0).get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // checked on the next pass; the first worker may simply be done before the rest
            }
            tick.run();
        }
    }

    /** A third of the heap the JVM may grow to, in kilobytes: what decoded pictures may hold at once. */
    private static int heapBudgetKb() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(64L << 10, Runtime.getRuntime().maxMemory() / 3 / 1024));
    }

    /** A decoded picture holding its share of the heap budget until closed. */
    record Decoded(BufferedImage image, Semaphore heap, int permits) implements AutoCloseable {
        @Override
        public void close() {
            heap.release(permits);
        }
    }

    /** A picture that cannot become an example; the message says why, without the path. */
    static final class UnreadableImageException extends Exception {
        UnreadableImageException(String message) {
            super(message);
        }
    }

    /**
     * The first picture of {@code file}, decoded once {@code heap} grants the kilobytes its pixels take (at most
     * {@code maxPermits}, all the budget has, so a picture larger than the budget waits for the others). A decoder's
     * warning of missing data (a truncated JPEG decodes to grey with only a warning) makes it unreadable as much as an
     * exception does.
     */
    static Decoded decode(Path file, Semaphore heap, int maxPermits) throws UnreadableImageException {
        if (!Files.exists(file)) {
            throw new UnreadableImageException("no longer exists");
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableImageException("permission denied");
        }
        int permits = 0;
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new UnreadableImageException("cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadableImageException("not a picture in a format this reader knows (PNG, JPEG, GIF, BMP, WebP)");
            }
            ImageReader reader = readers.next();
            List<String> damage = new ArrayList<>();
            try {
                reader.setInput(input, true, true);
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        if (isDamage(warning)) {
                            damage.add(warning);
                        }
                    }
                });
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new UnreadableImageException("an empty picture");
                }
                int needed = (int) Math.min(maxPermits, Math.max(1, width * height * 4 / 1024));
                heap.acquire(needed);
                permits = needed;
                BufferedImage image;
                try {
                    image = reader.read(0);
                } catch (OutOfMemoryError e) {
                    throw new UnreadableImageException("too large to decode in the Java heap (" + width + "x" + height
                            + "); give the JVM more with GAN_JAVA_OPTS (a larger -Xmx)");
                }
                if (!damage.isEmpty()) {
                    throw new UnreadableImageException("damaged " + format(reader) + ": " + damage.get(0));
                }
                Decoded decoded = new Decoded(image, heap, permits);
                permits = 0;
                return decoded;
            } finally {
                reader.dispose();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableImageException("interrupted");
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() != null && e.getCause().getMessage() != null && !message.contains(e.getCause().getMessage())) {
                message += " (" + e.getCause().getMessage() + ")";
            }
            throw new UnreadableImageException("corrupt or truncated: " + message);
        } finally {
            heap.release(permits);
        }
    }

    private static boolean isDamage(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("premature end") || w.contains("corrupt") || w.contains("truncat") || w.contains("unexpected end");
    }

    private static String format(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "picture";
        }
    }

    /** Moves the kept examples up over the skipped ones; returns how many were kept. */
    private static int compact(FileChannel channel, String[] failures, int exampleBytes) throws IOException {
        int kept = 0;
        ByteBuffer buffer = ByteBuffer.allocate(exampleBytes);
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                continue;
            }
            if (kept != i) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, ImageArchive.PIXELS_OFFSET + (long) i * exampleBytes + buffer.position()) < 0) {
                        throw new IOException("the archive being written ended early");
                    }
                }
                buffer.flip();
                writeFully(channel, buffer, ImageArchive.PIXELS_OFFSET + (long) kept * exampleBytes);
            }
            kept++;
        }
        channel.truncate(ImageArchive.PIXELS_OFFSET + (long) kept * exampleBytes);
        return kept;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
