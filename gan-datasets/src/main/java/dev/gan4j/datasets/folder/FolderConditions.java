package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.gan4j.core.config.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the examples of an image folder carry to condition on, and which of the folder's files says it. */
public enum FolderConditions {
    /** Nothing: unconditional training. */
    NONE("none"),
    /** A class per image: {@code labels.csv} ({@code file,label}) when present, else the first sub-folder of its path. */
    CLASSES("classes"),
    /** A tag set per image: {@code tags.csv} ({@code file,tags}, the tags comma-separated in one field). */
    TAGS("tags"),
    /** Captions per image: {@code captions.csv} ({@code file,caption}, several rows per image), else one {@code .txt} per image. */
    CAPTIONS("captions");

    private final String id;

    FolderConditions(String id) {
        this.id = id;
    }

    /** The name JSON and the command line use. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The value named {@code id}; an unknown name is an error of the {@code conditions} field listing the known ones. */
    @JsonCreator
    public static FolderConditions of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("conditions", "unknown conditions '" + id + "'; known: "
                        + Arrays.stream(values()).map(FolderConditions::id).sorted().collect(Collectors.joining(", "))));
    }
}
