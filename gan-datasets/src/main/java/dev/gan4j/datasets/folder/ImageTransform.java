package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a picture of another shape becomes an example of the configured width and height. */
public enum ImageTransform {
    /** Crop the long side to the example's aspect ratio, centred, then scale: nothing is stretched, the edges are lost. */
    CENTER_CROP("center-crop"),
    /** Scale each side on its own: everything is kept, stretched where the aspect ratios differ. */
    RESIZE("resize"),
    /** Scale to fit inside, centred, and fill the rest with the background colour: nothing is lost or stretched. */
    PAD("pad");

    private final String id;

    ImageTransform(String id) {
        this.id = id;
    }

    /** The name JSON and the command line use. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The value named {@code id}; an unknown name is an error of the {@code transform} field listing the known ones. */
    @JsonCreator
    public static ImageTransform of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("transform", "unknown transform '" + id + "'; known: "
                        + Arrays.stream(values()).map(ImageTransform::id).sorted().collect(Collectors.joining(", "))));
    }
}
