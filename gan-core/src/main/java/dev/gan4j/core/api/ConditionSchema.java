package dev.gan4j.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * What a data set offers to condition on: class names, a tag vocabulary, texts. Checkpoints store it,
 * so a model can be sampled by class name, tag or sentence without opening its data.
 *
 * @param classes    names of the classes, index order; empty when the examples carry no class labels
 * @param tags       the tag vocabulary, index order; empty when the examples carry no tags
 * @param texts      whether every example carries a text
 * @param wishes     a few typical wishes as a user would type them (comma-separated tags, sentences), which
 *                   sample grids show one row each and {@code gan sample} cycles through when told nothing;
 *                   empty when the data suggests none
 * @param vocabulary the words a text encoder indexes, in index order, kept here by the encoder that built it
 *                   from the data's texts so that a checkpoint rebuilds the same encoder without the data;
 *                   empty until an encoder needs one
 */
public record ConditionSchema(List<String> classes, List<String> tags, boolean texts, List<String> wishes,
                              List<String> vocabulary) {
    public static final ConditionSchema NONE = new ConditionSchema(List.of(), List.of(), false);

    /** Reads checkpoints written before wishes and vocabularies existed: absent lists are empty. */
    @JsonCreator
    public ConditionSchema {
        classes = List.copyOf(requireNonNull(classes, "classes is null"));
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        wishes = wishes == null ? List.of() : List.copyOf(wishes);
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
    }

    public ConditionSchema(List<String> classes, List<String> tags, boolean texts) {
        this(classes, tags, texts, List.of(), List.of());
    }

    /** Classes named by their indices, "0" to "count - 1". */
    public static ConditionSchema numberedClasses(int count) {
        return ofClasses(IntStream.range(0, count).mapToObj(Integer::toString).toList());
    }

    public static ConditionSchema ofClasses(List<String> names) {
        return new ConditionSchema(names, List.of(), false);
    }

    /** Tag sets over {@code tags}, with typical tag sets (comma-separated) as wishes. */
    public static ConditionSchema ofTags(List<String> tags, List<String> wishes) {
        return new ConditionSchema(List.of(), tags, false, wishes, List.of());
    }

    /** A text per example, with typical sentences as wishes. */
    public static ConditionSchema ofTexts(List<String> wishes) {
        return new ConditionSchema(List.of(), List.of(), true, wishes, List.of());
    }

    /** This schema with a text encoder's vocabulary. */
    public ConditionSchema withVocabulary(List<String> words) {
        return new ConditionSchema(classes, tags, texts, wishes, words);
    }
}
