package dev.gan4j.examples;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.NormalSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two views of the MakeGirlsMoe site as sample grids: a walk through the latent space between random points with
 * the wish fixed, and, with z fixed on each row, a wish whose tag of one group (or one free tag) changes from column to
 * column. Rows are drawn from the seed, so the same seed shows the same characters in both views.
 */
final class Interpolation {
    static final int ROWS = 6;
    static final int STEPS = 8;

    /** What to generate: latents {@code [rows * columns, latentDim]}, row after row, and a wish per sample ({@code null}: none). */
    record Grid(INDArray latents, List<String> wishes, int columns) {
    }

    private Interpolation() {
    }

    /** Each row from one random z to another in {@link #STEPS} steps along the great circle (Shoemake's slerp). */
    static Grid latentWalk(int latentDim, String wish, long seed) {
        NormalSampler normal = new NormalSampler(seed);
        double[][] rows = new double[ROWS * STEPS][];
        for (int r = 0; r < ROWS; r++) {
            double[] a = normal.next(DataType.DOUBLE, latentDim).toDoubleVector();
            double[] b = normal.next(DataType.DOUBLE, latentDim).toDoubleVector();
            for (int c = 0; c < STEPS; c++) {
                rows[r * STEPS + c] = slerp(a, b, c / (double) (STEPS - 1));
            }
        }
        return new Grid(Nd4j.createFromArray(rows).castTo(DataType.FLOAT), wish == null ? null : Collections.nCopies(ROWS * STEPS, wish), STEPS);
    }

    /**
     * Each row one random z; the columns the tags of group {@code name} in turn in place of the wish's tag of that group,
     * or, for a tag outside the groups, the wish without and with it.
     *
     * @throws UsageException when {@code name} is neither a group nor a tag of the schema
     */
    static Grid tagSweep(ConditionSchema schema, String name, String wish, int latentDim, long seed) {
        List<String> base = wish == null ? List.of() : Arrays.stream(wish.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        List<List<String>> columns = new ArrayList<>();
        List<String> group = groupNamed(schema.tagGroups(), name);
        if (group != null) {
            for (String tag : group) {
                List<String> changed = new ArrayList<>(base.stream().filter(t -> !group.contains(t)).toList());
                changed.add(tag);
                columns.add(changed);
            }
        } else if (schema.tags().contains(name)) {
            columns.add(base.stream().filter(t -> !t.equals(name)).toList());
            List<String> with = new ArrayList<>(columns.get(0));
            with.add(name);
            columns.add(with);
        } else {
            throw new UsageException("--interpolate takes 'latent', a tag group (" + String.join(", ", schema.tagGroups().keySet())
                    + ") or a tag; found '" + name + "'");
        }
        if (columns.stream().anyMatch(List::isEmpty)) {
            throw new UsageException("--interpolate " + name + ": give the other tags of the wish with --tags; a wish needs a tag at least");
        }
        INDArray z = new NormalSampler(seed).next(DataType.FLOAT, ROWS, latentDim);
        INDArray latents = Nd4j.create(DataType.FLOAT, (long) ROWS * columns.size(), latentDim);
        List<String> wishes = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < columns.size(); c++) {
                latents.putRow((long) r * columns.size() + c, z.getRow(r));
                wishes.add(String.join(",", columns.get(c)));
            }
        }
        return new Grid(latents, wishes, columns.size());
    }

    private static List<String> groupNamed(Map<String, List<String>> groups, String name) {
        return groups.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static double[] slerp(double[] a, double[] b, double t) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double omega = Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = omega < 1e-6 ? (1 - t) * a[i] + t * b[i]
                    : (Math.sin((1 - t) * omega) * a[i] + Math.sin(t * omega) * b[i]) / Math.sin(omega);
        }
        return out;
    }
}
