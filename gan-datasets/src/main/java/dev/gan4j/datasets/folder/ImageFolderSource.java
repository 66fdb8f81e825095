package dev.gan4j.datasets.folder;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.io.Sha256;
import dev.gan4j.core.train.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The examples of a prepared image folder: pixels read from the memory-mapped {@link ImageArchive} into each batch
 * (scaled to [-1, 1] as {@code x / 127.5 - 1}, like the IDX source), conditions from {@link ExampleConditions}.
 *
 * <p>With {@code mirror}, the source holds every selected example twice, the second time flipped left to right
 * (indices {@code size / 2} and up), as stylegan2-ada's {@code --mirror} doubles a data set. Examples with several
 * captions show one per batch, chosen from the batch's draw and the example, so a resumed run sees the captions an
 * uninterrupted one would.
 */
final class ImageFolderSource implements DataSource {
    private static final float[] SCALED = new float[256];

    static {
        for (int i = 0; i < SCALED.length; i++) {
            SCALED[i] = i / 127.5f - 1f;
        }
    }

    private final ImageArchive archive;
    private final ExampleConditions conditions;
    private final int[] selection;
    private final boolean mirror;
    private final Shape shape;
    private final String description;
    private final String fingerprint;
    private final ConditionSchema schema;

    /**
     * @param selection the archive's examples this source serves, in order (a split, a limit)
     * @param root      the folder the pictures came from, for the description
     * @param what      how the selection came about, for the description ({@code split train: 28,500 of 30,000})
     */
    ImageFolderSource(Path root, ImageArchive archive, ExampleConditions conditions, int[] selection,
                      boolean mirror, String what) {
        this.archive = requireNonNull(archive, "archive is null");
        this.conditions = requireNonNull(conditions, "conditions is null");
        this.selection = selection.clone();
        this.mirror = mirror;
        Preparation preparation = archive.preparation();
        this.shape = Shape.image(preparation.channels(), preparation.height(), preparation.width());
        this.schema = conditions.schema(this.selection);
        this.description = "image folder " + root.toAbsolutePath() + ": " + what + " at "
                + preparation.width() + "x" + preparation.height() + (preparation.channels() == 3 ? " RGB" : " grey")
                + (mirror ? ", mirrored (x2)" : "") + describe(conditions);
        this.fingerprint = fingerprint(archive, conditions, this.selection, mirror);
    }

    private static String describe(ExampleConditions conditions) {
        return switch (conditions.kind()) {
            case NONE -> "";
            case CLASSES -> ", " + conditions.names().size() + " classes from " + conditions.source();
            case TAGS -> ", " + conditions.names().size() + " tags from " + conditions.source();
            case CAPTIONS -> ", captions from " + conditions.source();
        };
    }

    private static String fingerprint(ImageArchive archive, ExampleConditions conditions, int[] selection, boolean mirror) {
        MessageDigest digest = Sha256.newDigest();
        digest.update((archive.header().contentDigest() + "|" + conditions.digest() + "|" + mirror + "|").getBytes(StandardCharsets.UTF_8));
        for (int index : selection) {
            digest.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
        }
        return Sha256.hex(digest);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public int size() {
        return selection.length * (mirror ? 2 : 1);
    }

    @Override
    public OptionalInt numClasses() {
        return conditions.kind() == FolderConditions.CLASSES ? OptionalInt.of(conditions.names().size()) : OptionalInt.empty();
    }

    @Override
    public ConditionSchema conditionSchema() {
        return schema;
    }

    @Override
    public Batch batch(int[] indices) {
        return batch(indices, 0);
    }

    @Override
    public Batch batch(int[] indices, long draw) {
        requireNonNull(indices, "indices is null");
        return fill(indices, draw, Nd4j.createUninitialized(DataType.FLOAT, shape.withBatch(indices.length)));
    }

    /** Writes the pixels straight into {@code into} when it is a fresh contiguous array of the batch's shape. */
    @Override
    public Batch batch(int[] indices, long draw, INDArray into) {
        requireNonNull(indices, "indices is null");
        requireNonNull(into, "into is null");
        if (into.dataType() != DataType.FLOAT || into.isView() || into.ordering() != 'c'
                || !Arrays.equals(into.shape(), shape.withBatch(indices.length))) {
            return DataSource.super.batch(indices, draw, into);
        }
        return fill(indices, draw, into);
    }

    private Batch fill(int[] indices, long draw, INDArray examples) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        int n = indices.length;
        int exampleSize = (int) shape.size();
        int width = shape.width();
        FloatBuffer out = examples.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        byte[] bytes = new byte[exampleSize];
        float[] values = new float[exampleSize];
        float[] labels = conditions.kind() == FolderConditions.CLASSES ? new float[n] : null;
        int vocabulary = conditions.names().size();
        float[] tags = conditions.kind() == FolderConditions.TAGS ? new float[n * vocabulary] : null;
        List<String> texts = conditions.kind() == FolderConditions.CAPTIONS ? new ArrayList<>(n) : null;
        for (int i = 0; i < n; i++) {
            int index = indices[i];
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("example " + index + " of " + size());
            }
            boolean flipped = index >= selection.length;
            int example = selection[flipped ? index - selection.length : index];
            archive.copy(example, bytes);
            if (flipped) {
                for (int row = 0; row < exampleSize; row += width) {
                    for (int x = 0; x < width; x++) {
                        values[row + x] = SCALED[bytes[row + width - 1 - x] & 0xFF];
                    }
                }
            } else {
                for (int j = 0; j < exampleSize; j++) {
                    values[j] = SCALED[bytes[j] & 0xFF];
                }
            }
            out.put(i * exampleSize, values);
            if (labels != null) {
                labels[i] = conditions.label(example);
            }
            if (tags != null) {
                for (int tag : conditions.tags(example)) {
                    tags[i * vocabulary + tag] = 1f;
                }
            }
            if (texts != null) {
                texts.add(conditions.caption(example, pick(draw, example, conditions.captionCount(example))));
            }
        }
        return new Batch(examples, labels == null ? null : Nd4j.createFromArray(labels),
                tags == null ? null : Nd4j.create(tags, new long[] {n, vocabulary}, DataType.FLOAT), texts);
    }

    /** Which of an example's {@code count} captions a batch drawn with {@code draw} shows. */
    private static int pick(long draw, int example, int count) {
        return count == 1 ? 0 : (int) Math.floorMod(Seeds.derive(draw, 0, example), (long) count);
    }

    /** Every caption of the selected examples, each once, for encoders that build a vocabulary. */
    @Override
    public List<String> texts() {
        if (conditions.kind() != FolderConditions.CAPTIONS) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (int example : selection) {
            for (int c = 0; c < conditions.captionCount(example); c++) {
                all.add(conditions.caption(example, c));
            }
        }
        return all;
    }

    @Override
    public Optional<String> fingerprint() {
        return Optional.of(fingerprint);
    }

    @Override
    public String description() {
        return description;
    }

    /** The archive examples served, in order (before mirroring). */
    int[] selection() {
        return selection.clone();
    }

    ImageArchive archive() {
        return archive;
    }

    ExampleConditions conditions() {
        return conditions;
    }
}
