package dev.gan4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;

/**
 * Which implementation runs a built-in architecture: the framework's fast layers on libnd4j ops
 * (the default), or DL4J's stock layer classes (the reference the fast layers are tested against).
 */
public enum LayerEngine {
    FAST("fast"),
    DL4J("dl4j");

    private final String id;

    LayerEngine(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static LayerEngine of(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("layers", "must be \"fast\" or \"dl4j\", found '" + id + "'"));
    }

    static LayerEngine orDefault(LayerEngine engine) {
        return engine == null ? FAST : engine;
    }

    /** The {@code spectralNorm} option of a built-in model, off by default; DL4J's stock layers have no spectral normalization. */
    static boolean spectralNorm(Boolean spectralNorm, LayerEngine engine) {
        boolean on = spectralNorm != null && spectralNorm;
        if (on && engine != FAST) {
            throw new InvalidValueException("spectralNorm", "needs the fast layers (\"layers\": \"fast\"); DL4J's stock layers,"
                    + " chosen by \"layers\": \"" + engine.id + "\", have no spectral normalization");
        }
        return on;
    }
}
