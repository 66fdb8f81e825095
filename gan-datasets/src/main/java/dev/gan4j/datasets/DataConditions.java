package dev.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;

/**
 * What the examples of an {@code idx} source carry to condition on: their {@code classes} (labels), or, for
 * Fashion-MNIST, {@code tags} or {@code captions} derived from the class and the image (see {@link FashionMnistConditions}).
 */
public enum DataConditions {
    CLASSES("classes"),
    TAGS("tags"),
    CAPTIONS("captions");

    private final String id;

    DataConditions(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static DataConditions of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("conditions", "unknown conditions '" + id
                        + "'; known: captions, classes, tags"));
    }
}
