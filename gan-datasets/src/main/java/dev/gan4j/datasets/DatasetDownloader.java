package dev.gan4j.datasets;

import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.io.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Downloads the {@code .gz} files of a data set and keeps a file only when its SHA-256 matches the
 * published one (see {@link KnownDataset} for where the checksums come from). Each file is written
 * to a temporary name in the target folder and renamed only after the check, so an interrupted or
 * tampered download never leaves a file that the {@link DatasetLocator} would pick up.
 */
public final class DatasetDownloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a download may go without receiving a byte; Java's HTTP client has no read timeout of its own. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final String dataset;
    private final Duration stallLimit;
    private final URI base;
    private final Map<String, String> sha256;
    private final HttpClient client;

    /**
     * A downloader for any source; tests serve files locally with their own checksums.
     *
     * @param base   the folder URL the files are served from
     * @param sha256 expected lower-case hex SHA-256 by file name; a file without one is refused
     */
    DatasetDownloader(String dataset, URI base, Map<String, String> sha256) {
        this(dataset, base, sha256, STALL_LIMIT);
    }

    /** @param stallLimit how long a download may go without receiving a byte before it is abandoned */
    DatasetDownloader(String dataset, URI base, Map<String, String> sha256, Duration stallLimit) {
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.stallLimit = requireNonNull(stallLimit, "stallLimit is null");
        requireNonNull(base, "base is null");
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.sha256 = Map.copyOf(requireNonNull(sha256, "sha256 is null"));
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** Downloads from the official source of {@code dataset}. */
    public static DatasetDownloader official(KnownDataset dataset) {
        requireNonNull(dataset, "dataset is null");
        return new DatasetDownloader(dataset.id(), dataset.officialBase(), dataset.sha256());
    }

    /**
     * Downloads all four files (both splits) of the named data set into {@code targetDir}, for
     * {@code gan download <dataset>}. Files already there with the right checksum are kept.
     *
     * @return the files, in the order train images, train labels, test images, test labels
     */
    public static List<Path> download(String dataset, Path targetDir, PrintStream log) throws IOException {
        KnownDataset known = KnownDataset.byId(dataset);
        if (known == null) {
            throw new IllegalArgumentException("unknown dataset '" + dataset + "'; known datasets: " + KnownDataset.ids());
        }
        List<String> files = new ArrayList<>(Split.TRAIN.gzipFiles());
        files.addAll(Split.TEST.gzipFiles());
        return official(known).fetch(files, targetDir, log);
    }

    /** Downloads {@code fileNames} into {@code targetDir} (created when missing), verifying each. */
    public List<Path> fetch(List<String> fileNames, Path targetDir, PrintStream log) throws IOException {
        requireNonNull(fileNames, "fileNames is null");
        requireNonNull(targetDir, "targetDir is null");
        requireNonNull(log, "log is null");
        for (String name : fileNames) {
            if (!sha256.containsKey(name)) {
                throw new IOException("no SHA-256 is known for " + name + " of " + dataset
                        + "; refusing to download a file that cannot be verified");
            }
        }
        Files.createDirectories(targetDir);
        List<Path> paths = new ArrayList<>();
        for (String name : fileNames) {
            paths.add(fetch(name, targetDir, log));
        }
        return paths;
    }

    private Path fetch(String name, Path targetDir, PrintStream log) throws IOException {
        String expected = sha256.get(name);
        Path target = targetDir.resolve(name);
        if (Files.exists(target)) {
            String actual = Sha256.of(target);
            if (!actual.equals(expected)) {
                throw new IOException(target + " already exists but is not the official file: SHA-256 expected "
                        + expected + ", actual " + actual + "; delete it to download again");
            }
            log.println(target + " is already there (SHA-256 verified)");
            return target;
        }
        URI uri = base.resolve(name);
        log.println("downloading " + uri + " to " + target);
        Path temp = Files.createTempFile(targetDir, "." + name + ".", ".part");
        try {
            String actual = copy(uri, temp);
            if (!actual.equals(expected)) {
                throw new IOException("SHA-256 mismatch for " + name + " downloaded from " + uri + ": expected "
                        + expected + ", actual " + actual + "; the download was discarded");
            }
            AtomicFiles.syncFile(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(targetDir);
            log.println("  " + Files.size(target) + " bytes, SHA-256 verified");
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Copies {@code body} to {@code out}, each read waited for at most the stall limit: a read blocked on a server that
     * stopped sending is left to its daemon thread, and the download fails saying so.
     */
    private void transfer(InputStream body, OutputStream out, URI uri) throws IOException {
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "download-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                Future<Integer> read = reader.submit(() -> body.read(buffer));
                int n;
                try {
                    n = read.get(stallLimit.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    read.cancel(true);
                    throw new IOException("download of " + uri + " stalled: no data for " + stallLimit.toSeconds()
                            + " s; try again later, or copy the files of " + dataset + " into ~/.gan/datasets/" + dataset + " yourself");
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException("download of " + uri + " failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("download of " + uri + " interrupted");
                }
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /** Streams {@code uri} into {@code file}; returns the SHA-256 of what was written. */
    private String copy(URI uri, Path file) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + uri + " interrupted");
        } catch (IOException e) {
            throw new IOException("cannot download " + uri + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): this machine may have no network access, or"
                    + " need a proxy (Java reads -Dhttps.proxyHost and -Dhttps.proxyPort, which GAN_JAVA_OPTS can pass, not"
                    + " https_proxy); or copy the files of " + dataset + " into ~/.gan/datasets/" + dataset + " yourself", e);
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream body = new DigestInputStream(response.body(), digest)) {
            if (response.statusCode() != 200) {
                throw new IOException("cannot download " + uri + ": HTTP status " + response.statusCode());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                transfer(body, out, uri);
            }
        }
        return Sha256.hex(digest);
    }
}
