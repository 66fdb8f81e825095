package dev.gan4j.datasets;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Grey-scale IDX images held in memory as their original bytes (47 MB for the 60,000 training
 * images of MNIST, a quarter of the floats) and scaled per batch.
 *
 * <p>Pixels map to {@code x / 127.5 - 1} in float arithmetic, exactly what the PyTorch reference
 * computes with {@code x.astype(float32) / 127.5 - 1}, so 0 becomes -1 and 255 becomes 1. Labels come
 * as a FLOAT vector of class indices, which ND4J ops accept without a cast. For Fashion-MNIST the
 * examples may carry tag sets or captions instead of labels ({@link DataConditions}), derived per
 * example by {@link FashionMnistConditions}.
 */
public final class IdxDataSource implements DataSource {
    private static final int MNIST_CLASSES = 10;
    private static final float[] SCALED = new float[256];

    static {
        for (int i = 0; i < SCALED.length; i++) {
            SCALED[i] = i / 127.5f - 1f;
        }
    }

    private final Shape shape;
    private final int size;
    private final int pixelsPerExample;
    private final byte[] pixels;
    private final byte[] labels;
    private final OptionalInt numClasses;
    private final String description;
    private final List<String> classNames;
    private final DataConditions conditions;

    private IdxDataSource(IdxReader.Images images, IdxReader.Labels labels, String description, List<String> classNames,
                          DataConditions conditions) {
        this.shape = Shape.image(1, images.rows(), images.columns());
        this.size = images.count();
        this.pixelsPerExample = images.rows() * images.columns();
        this.pixels = images.pixels();
        this.labels = labels == null ? null : labels.values();
        this.conditions = requireNonNull(conditions, "conditions is null");
        if (conditions != DataConditions.CLASSES && labels == null) {
            throw new IllegalArgumentException(conditions.id() + " are derived from class labels; " + description + " has none");
        }
        this.numClasses = labels == null || conditions != DataConditions.CLASSES ? OptionalInt.empty()
                : OptionalInt.of(classCount(labels.values()));
        this.description = description + switch (conditions) {
            case CLASSES -> "";
            case TAGS -> ", with tags";
            case CAPTIONS -> ", with English and French captions";
        };
        this.classNames = numClasses.isEmpty() ? List.of()
                : classNames.size() >= numClasses.getAsInt() ? List.copyOf(classNames)
                : IntStream.range(0, numClasses.getAsInt()).mapToObj(Integer::toString).toList();
    }

    /**
     * Reads the first {@code limit} examples of {@code files}.
     *
     * @param name what the files are, e.g. {@code fashion-mnist train}, for the description
     */
    public static IdxDataSource read(IdxFiles files, int limit, String name) throws IOException {
        return read(files, limit, name, List.of());
    }

    /**
     * Like {@link #read(IdxFiles, int, String)}, naming the classes (Fashion-MNIST's "dress", "sneaker", ...)
     * for conditioning by name; numbers name them when the list is shorter than the labels need.
     */
    public static IdxDataSource read(IdxFiles files, int limit, String name, List<String> classNames) throws IOException {
        return read(files, limit, name, classNames, DataConditions.CLASSES);
    }

    /**
     * Like {@link #read(IdxFiles, int, String, List)}, with the examples carrying {@code conditions}: tags and
     * captions are Fashion-MNIST's ({@link FashionMnistConditions}) and need its labels.
     */
    public static IdxDataSource read(IdxFiles files, int limit, String name, List<String> classNames, DataConditions conditions)
            throws IOException {
        requireNonNull(files, "files is null");
        requireNonNull(classNames, "classNames is null");
        requireNonNull(name, "name is null");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, found " + limit);
        }
        IdxReader.Images images = IdxReader.readImages(files.images(), limit);
        IdxReader.Labels labels = null;
        if (files.labels() != null) {
            labels = IdxReader.readLabels(files.labels(), limit);
            if (labels.total() != images.total()) {
                throw new IOException(files.images() + " holds " + images.total() + " images but " + files.labels()
                        + " holds " + labels.total() + " labels; they must belong together");
            }
            requireNamedClasses(labels, classNames, files.labels());
        }
        String count = images.count() == images.total()
                ? images.total() + " examples"
                : "first " + images.count() + " of " + images.total() + " examples";
        return new IdxDataSource(images, labels, name + ": " + count + " of " + images.rows() + "x" + images.columns()
                + " from " + absolute(files), classNames, conditions);
    }

    /** The value a pixel byte becomes in a batch. */
    public static float scale(int pixel) {
        return SCALED[pixel & 0xFF];
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public int size() {
        return size;
    }

    /** 10 for MNIST-style labels; more only when a custom label file uses higher class indices. */
    @Override
    public OptionalInt numClasses() {
        return numClasses;
    }

    @Override
    public Batch batch(int[] indices) {
        requireNonNull(indices, "indices is null");
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        int n = indices.length;
        float[] examples = new float[n * pixelsPerExample];
        float[] classes = labels == null || conditions != DataConditions.CLASSES ? null : new float[n];
        int tagCount = FashionMnistConditions.TAGS.size();
        float[] tags = conditions == DataConditions.TAGS ? new float[n * tagCount] : null;
        List<String> texts = conditions == DataConditions.CAPTIONS ? new ArrayList<>(n) : null;
        for (int i = 0; i < n; i++) {
            int index = indices[i];
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + " is outside the data set of " + size + " examples");
            }
            int from = index * pixelsPerExample;
            int to = i * pixelsPerExample;
            for (int p = 0; p < pixelsPerExample; p++) {
                examples[to + p] = SCALED[pixels[from + p] & 0xFF];
            }
            if (classes != null) {
                classes[i] = labels[index] & 0xFF;
            }
            if (tags != null) {
                FashionMnistConditions.tags(labels[index] & 0xFF, look(index), tags, i * tagCount);
            }
            if (texts != null) {
                texts.add(caption(index));
            }
        }
        INDArray x = Nd4j.create(examples, shape.withBatch(n), DataType.FLOAT);
        INDArray y = classes == null ? null : Nd4j.create(classes, new long[] {n}, DataType.FLOAT);
        INDArray t = tags == null ? null : Nd4j.create(tags, new long[] {n, tagCount}, DataType.FLOAT);
        return new Batch(x, y, t, texts);
    }

    private FashionMnistConditions.Look look(int index) {
        return FashionMnistConditions.look(pixels, index * pixelsPerExample, pixelsPerExample, labels[index] & 0xFF);
    }

    private String caption(int index) {
        return FashionMnistConditions.caption(index, labels[index] & 0xFF, look(index));
    }

    @Override
    public ConditionSchema conditionSchema() {
        return switch (conditions) {
            case CLASSES -> ConditionSchema.ofClasses(classNames);
            case TAGS -> ConditionSchema.ofTags(FashionMnistConditions.TAGS, FashionMnistConditions.tagWishes());
            case CAPTIONS -> ConditionSchema.ofTexts(FashionMnistConditions.captionWishes());
        };
    }

    /** The captions, computed from the stored bytes without scaling any image. */
    @Override
    public List<String> texts() {
        if (conditions != DataConditions.CAPTIONS) {
            return List.of();
        }
        List<String> all = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            all.add(caption(index));
        }
        return all;
    }

    @Override
    public String description() {
        return description;
    }

    /** A known data set's labels index its class names; anything else is a damaged or foreign file. */
    private static void requireNamedClasses(IdxReader.Labels labels, List<String> classNames, Path file) throws IOException {
        if (classNames.isEmpty()) {
            return;
        }
        byte[] values = labels.values();
        for (int i = 0; i < values.length; i++) {
            if ((values[i] & 0xFF) >= classNames.size()) {
                throw new IOException(file + ": label " + (values[i] & 0xFF) + " of example " + i + " is not one of the "
                        + classNames.size() + " classes of this data set (0 to " + (classNames.size() - 1) + ")");
            }
        }
    }

    private static int classCount(byte[] values) {
        int max = -1;
        for (byte v : values) {
            max = Math.max(max, v & 0xFF);
        }
        return Math.max(MNIST_CLASSES, max + 1);
    }

    private static IdxFiles absolute(IdxFiles files) {
        Path labels = files.labels() == null ? null : files.labels().toAbsolutePath();
        return new IdxFiles(files.images().toAbsolutePath(), labels);
    }
}
