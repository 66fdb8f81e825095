package dev.gan4j.core.train;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Generator;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/** Generating from a possibly conditional generator: what to condition on when the user did not say. */
public final class Sampling {
    private Sampling() {
    }

    /**
     * Generates in inference mode from latents {@code [n, latentDim]} under {@code conditions}
     * ({@code null} for an unconditional model). With conditioning augmentation G reads its mean.
     */
    public static INDArray generate(Generator generator, Encoder encoder, INDArray latent, Conditions conditions) {
        requireNonNull(generator, "generator is null");
        if (generator.conditionDim() > 0 && conditions == null) {
            throw new IllegalArgumentException("this generator is conditional: give it conditions");
        }
        return generator.generate(generator.input(latent, generator.conditionDim() == 0 ? null : condition(encoder, conditions)));
    }

    /** What G reads at sampling time for {@code conditions}: the encoding, or the mean of its augmentation. */
    public static INDArray condition(Encoder encoder, Conditions conditions) {
        INDArray encoded = encoder.encode(conditions, false);
        return encoder.augmentation() == null ? encoded : encoder.augmentation().mean(encoded);
    }

    /**
     * Labels cycling through the classes, {@code offset % K, (offset + 1) % K, ...}: in any run of K samples
     * each class appears once, so N samples hold every class N/K times (balanced).
     */
    public static Conditions balancedLabels(int classes, int offset, int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (offset + i) % classes;
        }
        return Conditions.ofLabels(labels);
    }

    /** Labels grouped by class, {@code perClass} of each in class order: the rows of a grid. */
    public static Conditions groupedLabels(int classes, int perClass) {
        int[] labels = new int[classes * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perClass;
        }
        return Conditions.ofLabels(labels);
    }

    /**
     * Conditions when the user gave none: none for an unconditional model, balanced classes for a class
     * conditional one, the schema's typical wishes in turn for a model conditioned on tags or texts, and random valid
     * tag sets (the same for the same offset) for tags without typical wishes.
     */
    public static Conditions defaults(Generator generator, Encoder encoder, int offset, int n) {
        if (generator.conditionDim() == 0) {
            return null;
        }
        int classes = encoder.schema().classes().size();
        if (classes > 0) {
            return balancedLabels(classes, offset, n);
        }
        List<String> wishes = encoder.schema().wishes();
        if (wishes.isEmpty() && !encoder.schema().tags().isEmpty()) {
            return randomTagSets(encoder, 0, offset, n);
        }
        if (wishes.isEmpty()) {
            throw new IllegalArgumentException("this model is conditioned on " + (encoder.schema().texts() ? "texts" : "tags")
                    + "; say what to generate (--tags or --text)");
        }
        List<String> cycled = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cycled.add(wishes.get((offset + i) % wishes.size()));
        }
        return encoder.parse(cycled);
    }

    /**
     * Random valid tag sets ({@link ConditionSchema#randomTagSet}) for samples {@code [offset, offset + n)}, each drawn from
     * {@code seed} and its index alone, so any chunking of the samples draws the same sets.
     */
    public static Conditions randomTagSets(Encoder encoder, long seed, int offset, int n) {
        return encoder.parse(randomWishes(encoder.schema(), seed, offset, n));
    }

    /** The wishes behind {@link #randomTagSets}: each a random valid tag set, comma-separated. */
    public static List<String> randomWishes(ConditionSchema schema, long seed, int offset, int n) {
        List<String> drawn = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            drawn.add(String.join(",", schema.randomTagSet(new SplittableRandom(Seeds.derive(seed, Seeds.GRID, offset + i)))));
        }
        return drawn;
    }

    /**
     * The rows of a grid of a conditional model: one per class, else one per typical wish of the schema, else
     * (tags without typical sets) one per tag alone; empty when there is nothing to show (texts without typical
     * sentences). Each row is a wish as {@link Encoder#parse} reads it.
     */
    public static List<String> gridRows(ConditionSchema schema) {
        if (!schema.classes().isEmpty()) {
            return schema.classes();
        }
        if (!schema.wishes().isEmpty()) {
            return schema.wishes();
        }
        return schema.tags();
    }

    /** Conditions of a grid: {@code perRow} copies of each row's wish, row after row. */
    public static Conditions gridConditions(Encoder encoder, List<String> rows, int perRow) {
        if (!encoder.schema().classes().isEmpty()) {
            return groupedLabels(rows.size(), perRow);
        }
        List<String> wishes = new ArrayList<>(rows.size() * perRow);
        for (String row : rows) {
            wishes.addAll(Collections.nCopies(perRow, row));
        }
        return encoder.parse(wishes);
    }
}
