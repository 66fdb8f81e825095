package dev.gan4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;

/**
 * The two reference forms of DCGAN (Radford et al. 2016) that the {@code dcgan} generator and discriminator build, each
 * layer for layer the PyTorch network it names.
 * <ul>
 *   <li>{@code pytorch}: PyTorch's DCGAN example ({@code examples/dcgan}; {@code torch_gan64.py --arch dcgan64}), the
 *       default for square images whose side is a power of two. G projects z to the first feature maps (a
 *       transposed convolution of z seen as a 1x1 map, computed as the equal product without bias), batch-normalizes
 *       them per channel, and no convolution has a bias (batch norm subtracts it again; the output layers have none
 *       either). D's last layer is a convolution over the whole last map without bias, one linear output.</li>
 *   <li>{@code projection}: the DCGAN-28 reference ({@code torch_dcgan28.py}), the default for other sizes (28x28): a
 *       linear projection with a per-feature batch norm (PyTorch's {@code BatchNorm1d}), and a bias on every layer.</li>
 * </ul>
 */
public enum DcganLayout {
    PYTORCH("pytorch"),
    PROJECTION("projection");

    private final String id;

    DcganLayout(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static DcganLayout of(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("layout", "must be \"pytorch\" or \"projection\", found '" + id + "'"));
    }

    /** The layout asked for, or the default for data of {@code shape}: {@code pytorch} for square power-of-two sides. */
    static DcganLayout resolve(DcganLayout layout, Shape shape) {
        if (layout != null) {
            return layout;
        }
        int side = shape.height();
        return shape.width() == side && side >= 8 && Integer.bitCount(side) == 1 ? PYTORCH : PROJECTION;
    }

    /** DL4J's stock layers build the {@code projection} layout only; the {@code layers} option names them. */
    void requireStockLayersCanBuild(Shape shape) {
        if (this != PROJECTION) {
            throw new InvalidValueException("layers", "DL4J's stock layers build the \"projection\" layout only; this data ("
                    + shape + ") defaults to \"pytorch\": set \"layout\": \"projection\" or use the fast layers");
        }
    }

    boolean biases() {
        return this == PROJECTION;
    }

    /**
     * The feature maps of each stage, widest first: {@code channels} when given, else {@code width} doubled per stage
     * towards the smallest map (PyTorch's ngf*8, ngf*4, ngf*2, ngf at 64x64), the smallest map 4x4.
     */
    static int[] channels(int[] channels, Integer width, Shape shape, DcganLayout layout, int[] projectionDefault, boolean widestFirst) {
        if (channels != null && width != null) {
            throw new InvalidValueException("width", "give channels (every stage's maps) or width (the narrowest stage's), not both");
        }
        if (channels != null) {
            return channels;
        }
        if (layout == PROJECTION && width == null) {
            return projectionDefault;
        }
        int stages = layout == PYTORCH ? Math.max(1, Integer.numberOfTrailingZeros(Math.max(4, shape.height())) - 2) : projectionDefault.length;
        int base = width == null ? 64 : width;
        int[] result = new int[stages];
        for (int i = 0; i < stages; i++) {
            long maps = (long) base << (widestFirst ? stages - 1 - i : i);
            if (maps > Integer.MAX_VALUE / 16) {
                throw new InvalidValueException("width", base + " doubled over " + stages + " stages is too wide");
            }
            result[i] = (int) maps;
        }
        return result;
    }
}
