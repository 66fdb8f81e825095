package dev.gan4j.core.api;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a data set offers to condition on: class names, a tag vocabulary, texts. Checkpoints store it,
 * so a model can be sampled by class name or tag without opening its data.
 *
 * @param classes names of the classes, index order; empty when the examples carry no class labels
 * @param tags    the tag vocabulary, index order; empty when the examples carry no tags
 * @param texts   whether every example carries a text
 */
public record ConditionSchema(List<String> classes, List<String> tags, boolean texts) {
    public static final ConditionSchema NONE = new ConditionSchema(List.of(), List.of(), false);

    public ConditionSchema {
        classes = List.copyOf(requireNonNull(classes, "classes is null"));
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
    }

    /** Classes named by their indices, "0" to "count - 1". */
    public static ConditionSchema numberedClasses(int count) {
        return new ConditionSchema(java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList(), List.of(), false);
    }

    public static ConditionSchema ofClasses(List<String> names) {
        return new ConditionSchema(names, List.of(), false);
    }
}
