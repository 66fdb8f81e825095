package dev.gan4j.datasets;

import com.google.inject.Guice;
import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.GaussianMixture;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.plugin.ComponentRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixtureDataTest {
    private static final DataContext CONTEXT = new DataContext(Map.of(), Path.of("/nonexistent"));

    @Test
    void ringHasItsModesOnTheUnitCircleAtTheirAngles() {
        DataSource data = RingDataSpec.of(null, null, null, 4000, 3L, null).open(CONTEXT);
        double[][] means = ((GaussianMixture) data).means();
        assertEquals(8, means.length);
        for (int k = 0; k < 8; k++) {
            assertEquals(Math.cos(2 * Math.PI * k / 8), means[k][0], 1e-12);
            assertEquals(Math.sin(2 * Math.PI * k / 8), means[k][1], 1e-12);
        }
        assertEquals(0.01, ((GaussianMixture) data).std(), 0);
        Batch batch = data.batch(new int[] {0, 1, 2, 3});
        float[] labels = batch.labels().toFloatVector();
        for (int i = 0; i < 4; i++) {
            double[] mean = means[(int) labels[i]];
            double distance = Math.hypot(batch.examples().getDouble(i, 0) - mean[0], batch.examples().getDouble(i, 1) - mean[1]);
            assertTrue(distance < 0.06, "point " + i + " lies near its mode, " + distance);
        }
    }

    @Test
    void gridIsFiveByFiveAtMinusFourToFour() {
        GaussianMixture grid = (GaussianMixture) GridDataSpec.of(null, null, null, 100, null, null).open(CONTEXT);
        double[][] means = grid.means();
        assertEquals(25, means.length);
        assertArrayEquals(new double[] {-4, -4}, means[0], 0);
        assertArrayEquals(new double[] {4, 4}, means[24], 0);
        assertArrayEquals(new double[] {0, 0}, means[12], 0);
        assertEquals(0.05, grid.std(), 0);
    }

    @Test
    void sameSeedSameData() {
        DataSource a = RingDataSpec.of(null, null, null, 100, 5L, null).open(CONTEXT);
        DataSource b = RingDataSpec.of(null, null, null, 100, 5L, null).open(CONTEXT);
        assertEquals(a.batch(new int[] {7, 42}).examples(), b.batch(new int[] {7, 42}).examples());
    }

    @Test
    void jsonNamesAndStrictValues() throws Exception {
        ComponentRegistry registry = Guice.createInjector(new DatasetsPlugin()).getInstance(ComponentRegistry.class);
        DataSpec spec = registry.mapper().readValue("{\"type\":\"grid\",\"side\":3,\"batchSize\":32}", DataSpec.class);
        assertEquals(32, spec.batchSize());
        assertEquals(9, ((GaussianMixture) spec.open(CONTEXT)).means().length);
        assertEquals(0.05, registry.mapper().valueToTree(spec).path("std").asDouble(), 0, "defaults are written out");
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RingDataSpec.of(0, null, null, null, null, null));
        assertEquals("modes", e.field());
    }

    /** Sizes that would not fit in memory, or overflow an int array's length, are refused before anything is drawn. */
    @Test
    void sizesBeyondMemoryAreRefused() {
        InvalidValueException points = assertThrows(InvalidValueException.class,
                () -> RingDataSpec.of(null, null, null, 2_000_000_000, null, null));
        assertEquals("size", points.field());
        assertTrue(points.problem().contains("at most 10000000"), points.problem());
        assertEquals("size", assertThrows(InvalidValueException.class,
                () -> GridDataSpec.of(null, null, null, 10_000_001, null, null)).field());
        assertEquals("side", assertThrows(InvalidValueException.class,
                () -> GridDataSpec.of(50_000, null, null, null, null, null)).field());
        assertEquals("modes", assertThrows(InvalidValueException.class,
                () -> RingDataSpec.of(2_000_000, null, null, null, null, null)).field());
    }
}
