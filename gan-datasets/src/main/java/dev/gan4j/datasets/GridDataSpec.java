package dev.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;

/**
 * The 2-D grid of the mode-coverage benchmark (PacGAN, Lin et al. 2018): {@code side} x {@code side}
 * Gaussians at {-4, -2, 0, 2, 4}^2 for the default side 5 and spacing 2, standard deviation {@code std}.
 */
public record GridDataSpec(Integer side, Double spacing, Double std, Integer size, Long seed, int batchSize)
        implements DataSpec {
    public GridDataSpec {
        side = Checks.positive("side", side, 5);
        Checks.atMost("side", side, 1000, "a million modes");
        spacing = Checks.positive("spacing", spacing, 2.0);
        std = Checks.positive("std", std, 0.05);
        size = Checks.positive("size", size, 100_000);
        Checks.atMost("size", size, MixtureDataSource.MAX_POINTS, "the points are drawn into memory");
        seed = seed == null ? 0L : seed;
        Checks.positive("batchSize", batchSize, 256);
    }

    /** The JSON creator: {@code null} means the default. */
    @JsonCreator
    public static GridDataSpec of(@JsonProperty("side") Integer side, @JsonProperty("spacing") Double spacing, @JsonProperty("std") Double std, @JsonProperty("size") Integer size, @JsonProperty("seed") Long seed, @JsonProperty("batchSize") Integer batchSize) {
        return new GridDataSpec(side, spacing, std, size, seed, Checks.positive("batchSize", batchSize, 256));
    }

    @Override
    public DataSource open(DataContext context) {
        double[][] means = new double[side * side][];
        double offset = (side - 1) / 2.0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                means[i * side + j] = new double[] {(i - offset) * spacing, (j - offset) * spacing};
            }
        }
        return new MixtureDataSource("grid", means, std, size, seed);
    }
}
