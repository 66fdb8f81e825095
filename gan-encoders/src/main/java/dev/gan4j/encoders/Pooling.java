package dev.gan4j.encoders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;

/** How {@code text-rnn} turns a sentence's hidden states into one vector: their {@code mean}, or the {@code last}. */
public enum Pooling {
    MEAN("mean"),
    LAST("last");

    private final String id;

    Pooling(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Pooling of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("pooling", "unknown pooling '" + id + "'; known: last, mean"));
    }
}
