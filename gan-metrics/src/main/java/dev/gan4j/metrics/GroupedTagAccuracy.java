package dev.gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Tag accuracy as a user of tag groups reads it (Jin et al. 2017 report theirs per attribute): for each group of tags
 * that exclude each other ("hair colour"), the share of samples whose most probable tag of the group, by a tag judge,
 * is the one asked for; for each tag outside the groups ("glasses"), the share where the judge agrees at probability
 * 0.5 with whether it was asked for; and the share of samples right on all of them at once.
 */
public final class GroupedTagAccuracy {
    private GroupedTagAccuracy() {
    }

    /**
     * @param requested     {@code [samples, tags]} multi-hot, each sample asking for at most one tag of each group
     * @param probabilities {@code [samples, tags]}, the judge's probability of each tag
     * @param tags          the vocabulary, index order
     * @param groups        named groups of tags that exclude each other
     * @return {@code tag_accuracy_<group>} per group and {@code tag_accuracy_<tag>} per free tag (names in lower case,
     *         spaces and dashes as underscores), then {@code tag_accuracy_all}; samples that ask for no tag of a group
     *         count for that group neither way
     */
    public static Map<String, Double> of(INDArray requested, INDArray probabilities, List<String> tags, Map<String, List<String>> groups) {
        requireNonNull(groups, "groups is null");
        double[][] want = requested.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] p = probabilities.castTo(DataType.DOUBLE).toDoubleMatrix();
        if (want.length != p.length || want.length == 0 || want[0].length != tags.size() || p[0].length != tags.size()) {
            throw new IllegalArgumentException("requested and probabilities must both be [samples, " + tags.size() + "], found "
                    + java.util.Arrays.toString(requested.shape()) + " and " + java.util.Arrays.toString(probabilities.shape()));
        }
        Set<String> grouped = new HashSet<>();
        groups.values().forEach(grouped::addAll);
        Map<String, int[]> hits = new LinkedHashMap<>();
        groups.keySet().forEach(name -> hits.put(name, new int[2]));
        tags.stream().filter(t -> !grouped.contains(t)).forEach(t -> hits.put(t, new int[2]));
        int allRight = 0;
        for (int i = 0; i < want.length; i++) {
            boolean all = true;
            for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                int asked = -1;
                int best = -1;
                for (String tag : group.getValue()) {
                    int t = tags.indexOf(tag);
                    if (want[i][t] == 1) {
                        asked = t;
                    }
                    if (best < 0 || p[i][t] > p[i][best]) {
                        best = t;
                    }
                }
                if (asked >= 0) {
                    boolean right = best == asked;
                    count(hits.get(group.getKey()), right);
                    all &= right;
                }
            }
            for (int t = 0; t < tags.size(); t++) {
                if (!grouped.contains(tags.get(t))) {
                    boolean right = (p[i][t] > ConditionalAccuracy.THRESHOLD) == (want[i][t] == 1);
                    count(hits.get(tags.get(t)), right);
                    all &= right;
                }
            }
            allRight += all ? 1 : 0;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        hits.forEach((name, h) -> values.put("tag_accuracy_" + key(name), h[1] == 0 ? Double.NaN : (double) h[0] / h[1]));
        values.put("tag_accuracy_all", (double) allRight / want.length);
        return values;
    }

    private static void count(int[] hits, boolean right) {
        hits[0] += right ? 1 : 0;
        hits[1]++;
    }

    /** A group's or tag's name as part of a metric's name: lower case, spaces and dashes as underscores. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
