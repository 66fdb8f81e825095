package dev.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;

/**
 * The 2-D ring of the mode-coverage benchmark (PacGAN, Lin et al. 2018): {@code modes} Gaussians on a
 * circle of {@code radius} at angles 2 pi k / modes, standard deviation {@code std}.
 */
public record RingDataSpec(Integer modes, Double radius, Double std, Integer size, Long seed, int batchSize)
        implements DataSpec {
    public RingDataSpec {
        modes = Checks.positive("modes", modes, 8);
        Checks.atMost("modes", modes, MixtureDataSource.MAX_MODES, "a mode each");
        radius = Checks.positive("radius", radius, 1.0);
        std = Checks.positive("std", std, 0.01);
        size = Checks.positive("size", size, 100_000);
        Checks.atMost("size", size, MixtureDataSource.MAX_POINTS, "the points are drawn into memory");
        seed = seed == null ? 0L : seed;
        Checks.positive("batchSize", batchSize, 256);
    }

    /** The JSON creator: {@code null} means the default. */
    @JsonCreator
    public static RingDataSpec of(@JsonProperty("modes") Integer modes, @JsonProperty("radius") Double radius, @JsonProperty("std") Double std, @JsonProperty("size") Integer size, @JsonProperty("seed") Long seed, @JsonProperty("batchSize") Integer batchSize) {
        return new RingDataSpec(modes, radius, std, size, seed, Checks.positive("batchSize", batchSize, 256));
    }

    @Override
    public DataSource open(DataContext context) {
        double[][] means = new double[modes][];
        for (int k = 0; k < modes; k++) {
            double angle = 2 * Math.PI * k / modes;
            means[k] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        return new MixtureDataSource("ring", means, std, size, seed);
    }
}
