package dev.gan4j.core.train;

import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Generator;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/** Generating from a possibly conditional generator: what to condition on when the user did not say. */
public final class Sampling {
    private Sampling() {
    }

    /**
     * Generates in inference mode from latents {@code [n, latentDim]} under {@code conditions}
     * ({@code null} for an unconditional model).
     */
    public static INDArray generate(Generator generator, Encoder encoder, INDArray latent, Conditions conditions) {
        requireNonNull(generator, "generator is null");
        if (generator.conditionDim() > 0 && conditions == null) {
            throw new IllegalArgumentException("this generator is conditional: give it conditions");
        }
        INDArray encoded = generator.conditionDim() == 0 ? null : encoder.encode(conditions, false);
        return generator.generate(generator.input(latent, encoded));
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
     * conditional one; other conditional models need explicit tags or texts.
     */
    public static Conditions defaults(Generator generator, Encoder encoder, int offset, int n) {
        if (generator.conditionDim() == 0) {
            return null;
        }
        int classes = encoder.schema().classes().size();
        if (classes == 0) {
            throw new IllegalArgumentException("this model is conditioned on " + (encoder.schema().texts() ? "texts" : "tags")
                    + "; say what to generate (--tags or --text)");
        }
        return balancedLabels(classes, offset, n);
    }
}
