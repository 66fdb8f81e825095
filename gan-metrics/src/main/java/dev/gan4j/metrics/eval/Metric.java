package dev.gan4j.metrics.eval;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The metrics `gan evaluate` and training-time evaluation can compute, by their command-line names. */
public enum Metric {
    /** Fréchet distance in the judge's feature space (Heusel et al. 2017). */
    FID("fid"),
    /** Kernel distance with its spread over subsets (Binkowski et al. 2018). */
    KID("kid"),
    /** Precision and recall of distributions (Kynkäänniemi et al. 2019). */
    PR("pr"),
    /** Density and coverage (Naeem et al. 2020). */
    DC("dc"),
    /** Class histogram of the samples by the judge: KL to the data's classes and smallest share. */
    CLASSES("classes"),
    /**
     * Conditional accuracy: the share of samples generated for class c that the judge assigns to c;
     * class-conditional models only. Its floor is the judge's accuracy on the held-out data.
     */
    CONDITIONAL("conditional"),
    /** Modes captured, high-quality share and KL to uniform on a known Gaussian mixture (no judge). */
    MODES("modes");

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code fid,kid,...}; an unknown name fails listing the known ones. */
    public static Set<Metric> parse(String list) {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            metrics.add(Arrays.stream(values()).filter(m -> m.id.equals(trimmed)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + trimmed + "'; known metrics: "
                            + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")))));
        }
        return metrics;
    }
}
