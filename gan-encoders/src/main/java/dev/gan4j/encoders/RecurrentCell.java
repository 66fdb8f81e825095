package dev.gan4j.encoders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;

/** The recurrent cell of {@code text-rnn}: {@code lstm} (Hochreiter &amp; Schmidhuber 1997) or {@code gru} (Cho et al. 2014). */
public enum RecurrentCell {
    LSTM("lstm"),
    GRU("gru");

    private final String id;

    RecurrentCell(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static RecurrentCell of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("cell", "unknown cell '" + id + "'; known: gru, lstm"));
    }
}
