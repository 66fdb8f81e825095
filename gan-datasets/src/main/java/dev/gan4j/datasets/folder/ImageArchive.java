package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A prepared image folder: every example's bytes ({@code [channels, height, width]}, uint8) in one file that training
 * memory-maps, so the pixels stay in the operating system's page cache and never in the Java heap, plus the manifest
 * of the source files it was made from.
 *
 * <p>Layout: a preamble (magic {@code GAN4JIMG}, format, offset and length of the header), the pixels from byte 4096,
 * the manifest (one {@code path TAB size TAB modified TAB status} line per source file, UTF-8), then the header as
 * JSON ({@link Header}). The header comes last because it records digests of what precedes it; an archive is written
 * under a temporary name and renamed when complete, so a reader never sees a partial one.
 */
final class ImageArchive {
    static final int FORMAT = 1;
    static final byte[] MAGIC = "GAN4JIMG".getBytes(StandardCharsets.US_ASCII);
    static final int PREAMBLE = MAGIC.length + Integer.BYTES + Long.BYTES + Integer.BYTES;
    static final long PIXELS_OFFSET = 4096;
    static final String KEPT = "ok";
    /** A mapping covers at most this many bytes (a {@link MappedByteBuffer} indexes with an int). */
    private static final long MAX_MAPPING = 1L << 30;
    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * What an archive holds.
     *
     * @param count             examples
     * @param imagesFingerprint {@link FolderScan#fingerprint()} of the folder it was prepared from
     * @param contentDigest     SHA-256 of the examples' bytes and paths, in order: what a checkpoint records of the data
     * @param manifestOffset    where the manifest starts; it ends where the header starts
     * @param skipped           the pictures that could not be read and were left out ({@code skipBad}), with why
     */
    record Header(int format, Preparation preparation, int count, String imagesFingerprint, String contentDigest,
                  long manifestOffset, List<Skipped> skipped) {
        Header {
            requireNonNull(preparation, "preparation is null");
            skipped = List.copyOf(skipped);
        }
    }

    /** A picture left out of the archive, and why. */
    record Skipped(String path, String reason) {
    }

    private final Path file;
    private final Header header;
    private final List<FolderScan.Entry> manifest;
    private final List<String> paths;
    private final MappedByteBuffer[] mappings;
    private final int examplesPerMapping;
    private final int exampleBytes;

    private ImageArchive(Path file, Header header, List<FolderScan.Entry> manifest, List<String> paths,
                         MappedByteBuffer[] mappings, int examplesPerMapping) {
        this.file = file;
        this.header = header;
        this.manifest = manifest;
        this.paths = paths;
        this.mappings = mappings;
        this.examplesPerMapping = examplesPerMapping;
        this.exampleBytes = header.preparation().exampleBytes();
    }

    /** Maps an archive; a damaged or foreign file is an {@link IOException} naming it and what is wrong. */
    static ImageArchive open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer preamble = ByteBuffer.allocate(PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
            if (size < PIXELS_OFFSET || channel.read(preamble, 0) != PREAMBLE) {
                throw damaged(file, "it is " + size + " bytes long, shorter than any archive");
            }
            preamble.flip();
            byte[] magic = new byte[MAGIC.length];
            preamble.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw damaged(file, "it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
            }
            int format = preamble.getInt();
            if (format != FORMAT) {
                throw damaged(file, "it has format " + format + ", this version reads format " + FORMAT);
            }
            long headerOffset = preamble.getLong();
            int headerLength = preamble.getInt();
            if (headerLength <= 0 || headerOffset < PIXELS_OFFSET || headerOffset + headerLength != size) {
                throw damaged(file, "its header lies outside the file");
            }
            Header header = parseHeader(read(channel, headerOffset, headerLength), file);
            long pixelsEnd = PIXELS_OFFSET + (long) header.count() * header.preparation().exampleBytes();
            if (header.count() < 0 || header.manifestOffset() != pixelsEnd || header.manifestOffset() > headerOffset) {
                throw damaged(file, "its sections do not fit its header");
            }
            List<FolderScan.Entry> manifest = new ArrayList<>();
            List<String> paths = new ArrayList<>(header.count());
            String text = new String(read(channel, header.manifestOffset(), (int) (headerOffset - header.manifestOffset())),
                    StandardCharsets.UTF_8);
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 4) {
                    throw damaged(file, "its manifest has a line of " + fields.length + " fields");
                }
                FolderScan.Entry entry = new FolderScan.Entry(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]));
                manifest.add(entry);
                if (KEPT.equals(fields[3])) {
                    paths.add(entry.path());
                }
            }
            if (paths.size() != header.count()) {
                throw damaged(file, "its manifest lists " + paths.size() + " examples, its header " + header.count());
            }
            int exampleBytes = header.preparation().exampleBytes();
            int perMapping = (int) Math.max(1, MAX_MAPPING / exampleBytes);
            int mappingCount = (header.count() + perMapping - 1) / perMapping;
            MappedByteBuffer[] mappings = new MappedByteBuffer[mappingCount];
            for (int m = 0; m < mappingCount; m++) {
                long first = (long) m * perMapping;
                long examples = Math.min(perMapping, header.count() - first);
                mappings[m] = channel.map(FileChannel.MapMode.READ_ONLY, PIXELS_OFFSET + first * exampleBytes, examples * exampleBytes);
            }
            return new ImageArchive(file, header, List.copyOf(manifest), List.copyOf(paths), mappings, perMapping);
        } catch (NumberFormatException e) {
            throw damaged(file, "its manifest has a size or time that is not a number");
        }
    }

    private static Header parseHeader(byte[] json, Path file) throws IOException {
        try {
            Header header = MAPPER.readValue(json, Header.class);
            if (header.format() != FORMAT) {
                throw damaged(file, "its header has format " + header.format());
            }
            return header;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw damaged(file, "its header cannot be read: " + e.getMessage());
        }
    }

    static byte[] headerBytes(Header header) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(header);
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.array();
    }

    private static IOException damaged(Path file, String why) {
        return new DamagedArchiveException("prepared archive " + file + " is damaged: " + why);
    }

    /** An archive that cannot be read: preparing the folder again replaces it. */
    static final class DamagedArchiveException extends IOException {
        DamagedArchiveException(String message) {
            super(message);
        }
    }

    Path file() {
        return file;
    }

    Header header() {
        return header;
    }

    int count() {
        return header.count();
    }

    Preparation preparation() {
        return header.preparation();
    }

    /** Every source file the archive was prepared from, kept or skipped, sorted by path. */
    List<FolderScan.Entry> manifest() {
        return manifest;
    }

    /** The path of each example, in index order. */
    List<String> paths() {
        return paths;
    }

    /** Copies example {@code index}'s bytes into {@code target}, which holds at least one example. */
    void copy(int index, byte[] target) {
        if (index < 0 || index >= header.count()) {
            throw new IndexOutOfBoundsException("example " + index + " of " + header.count());
        }
        mappings[index / examplesPerMapping].get((index % examplesPerMapping) * exampleBytes, target, 0, exampleBytes);
    }
}
