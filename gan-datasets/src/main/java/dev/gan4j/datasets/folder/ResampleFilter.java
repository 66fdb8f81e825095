package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How pixels are resampled. Never nearest neighbour, which aliases fine detail (hair strands, text) into noise that a
 * discriminator then learns as if it were the data.
 */
public enum ResampleFilter {
    /**
     * Each example pixel is the exact area-weighted mean of the source pixels it covers when shrinking (a box filter
     * integrated over the footprint, as OpenCV's {@code INTER_AREA}); bilinear interpolation when enlarging.
     */
    AREA("area"),
    /** A Lanczos window of three lobes, widened by the scale when shrinking (as Pillow's {@code LANCZOS}): sharper, may ring. */
    LANCZOS("lanczos");

    private final String id;

    ResampleFilter(String id) {
        this.id = id;
    }

    /** The name JSON and the command line use. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The value named {@code id}; an unknown name is an error of the {@code filter} field listing the known ones. */
    @JsonCreator
    public static ResampleFilter of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("filter", "unknown filter '" + id + "'; known: "
                        + Arrays.stream(values()).map(ResampleFilter::id).sorted().collect(Collectors.joining(", "))));
    }
}
