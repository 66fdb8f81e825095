package dev.gan4j.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
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
 * @param tagGroups  named groups of tags that exclude each other ("hair colour", "hair length"), in declaration order,
 *                   each tag in at most one group; a tag set holds at most one tag of each group. Empty when the data
 *                   declares none
 */
public record ConditionSchema(List<String> classes, List<String> tags, boolean texts, List<String> wishes,
                              List<String> vocabulary, Map<String, List<String>> tagGroups) {
    public static final ConditionSchema NONE = new ConditionSchema(List.of(), List.of(), false);

    /** Reads checkpoints written before wishes, vocabularies and tag groups existed: absent lists are empty. */
    @JsonCreator
    public ConditionSchema {
        classes = List.copyOf(requireNonNull(classes, "classes is null"));
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        wishes = wishes == null ? List.of() : List.copyOf(wishes);
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        tagGroups = tagGroups == null ? Map.of() : orderedCopy(tagGroups);
        requireGroupsOf(tags, tagGroups);
    }

    public ConditionSchema(List<String> classes, List<String> tags, boolean texts) {
        this(classes, tags, texts, List.of(), List.of(), Map.of());
    }

    /** An unmodifiable copy of {@code groups} in their order, each group's list copied. */
    public static Map<String, List<String>> orderedCopy(Map<String, List<String>> groups) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((name, group) -> copy.put(requireNonNull(name, "a tag group's name is null"),
                List.copyOf(requireNonNull(group, "tag group '" + name + "' is null"))));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Checks that {@code groups} are named groups of at least two tags of {@code tags}, each tag in at most one.
     *
     * @throws IllegalArgumentException naming the group and the tag at fault
     */
    public static void requireGroupsOf(List<String> tags, Map<String, List<String>> groups) {
        Set<String> known = new HashSet<>(tags);
        Map<String, String> groupOf = new HashMap<>();
        groups.forEach((name, group) -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a tag group needs a name (\"hair colour\": [...]), found a blank one");
            }
            if (group.size() < 2) {
                throw new IllegalArgumentException("tag group '" + name + "' needs at least two tags that exclude each other, found "
                        + group);
            }
            for (String tag : group) {
                if (!known.contains(tag)) {
                    throw new IllegalArgumentException("tag group '" + name + "' names '" + tag + "', which is not a tag of the data "
                            + "(tags: " + tags + ")");
                }
                String other = groupOf.put(tag, name);
                if (other != null) {
                    throw new IllegalArgumentException("tag '" + tag + "' is in two tag groups ('" + other + "' and '" + name
                            + "'); each tag belongs to one group at most");
                }
            }
        });
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
        return new ConditionSchema(List.of(), tags, false, wishes, List.of(), Map.of());
    }

    /** A text per example, with typical sentences as wishes. */
    public static ConditionSchema ofTexts(List<String> wishes) {
        return new ConditionSchema(List.of(), List.of(), true, wishes, List.of(), Map.of());
    }

    /** This schema with a text encoder's vocabulary. */
    public ConditionSchema withVocabulary(List<String> words) {
        return new ConditionSchema(classes, tags, texts, wishes, words, tagGroups);
    }

    /** This schema with named groups of tags that exclude each other. */
    public ConditionSchema withTagGroups(Map<String, List<String>> groups) {
        return new ConditionSchema(classes, tags, texts, wishes, vocabulary, groups);
    }

    /**
     * Checks a wished tag set: every tag known, at most one of each group.
     *
     * @throws IllegalArgumentException naming the unknown tag, or the two tags of one group and the group
     */
    public void requireValidTagSet(Collection<String> wished) {
        for (String tag : wished) {
            if (!tags.contains(tag)) {
                throw new IllegalArgumentException("unknown tag '" + tag + "'; the tags are: " + String.join(", ", tags));
            }
        }
        clash(tagGroups, wished).ifPresent(clash -> {
            throw new IllegalArgumentException("'" + clash.chosen().get(0) + "' and '" + clash.chosen().get(1) + "' exclude each other (one "
                    + clash.group() + " of: " + String.join(", ", tagGroups.get(clash.group())) + ")");
        });
    }

    /** Tags of one group found together in a tag set: the group's name and those tags, in the set's order. */
    public record GroupClash(String group, List<String> chosen) {
    }

    /** The first group (in declaration order) of which {@code tagSet} holds two different tags or more; empty if none. */
    public static Optional<GroupClash> clash(Map<String, List<String>> groups, Collection<String> tagSet) {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            List<String> chosen = tagSet.stream().filter(group.getValue()::contains).distinct().toList();
            if (chosen.size() > 1) {
                return Optional.of(new GroupClash(group.getKey(), chosen));
            }
        }
        return Optional.empty();
    }

    /**
     * A random valid tag set, balanced: one tag of each group, each equally likely, and each tag outside the groups
     * with probability 1/2, in vocabulary order, and never empty (a picture of the data has a tag at least). Sample grids, evaluations and benchmarks draw wishes this way so that
     * every combination the data allows is asked for, not only the frequent ones.
     */
    public List<String> randomTagSet(SplittableRandom random) {
        Set<String> picked = new HashSet<>();
        Set<String> grouped = new HashSet<>();
        for (List<String> group : tagGroups.values()) {
            picked.add(group.get(random.nextInt(group.size())));
            grouped.addAll(group);
        }
        List<String> result = new ArrayList<>();
        for (String tag : tags) {
            if (picked.contains(tag) || !grouped.contains(tag) && random.nextBoolean()) {
                result.add(tag);
            }
        }
        if (result.isEmpty() && !tags.isEmpty()) {
            result.add(tags.get(random.nextInt(tags.size())));
        }
        return result;
    }
}
