package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Class labels as one-hot vectors, the condition of the conditional GAN of Mirza &amp; Osindero (2014).
 * A wish is a class name (any case) or index.
 */
public final class OneHotEncoder implements Encoder {
    private final ConditionSchema schema;
    private final DataType dataType;

    public OneHotEncoder(ConditionSchema schema, DataType dataType) {
        this.schema = requireNonNull(schema, "schema is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        if (schema.classes().size() < 2) {
            throw new IllegalArgumentException("one-hot needs class labels in the data; this data has "
                    + (schema.classes().isEmpty() ? "none" : "a single class"));
        }
    }

    @Override
    public int outputDim() {
        return schema.classes().size();
    }

    @Override
    public ConditionSchema schema() {
        return schema;
    }

    @Override
    public INDArray encode(Conditions conditions, boolean training) {
        int[] labels = conditions.labelIndices();
        INDArray encoded = Nd4j.zeros(dataType, labels.length, outputDim());
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= outputDim()) {
                throw new IllegalArgumentException("class label " + labels[i] + " outside 0.." + (outputDim() - 1));
            }
            encoded.putScalar(i, labels[i], 1);
        }
        return encoded;
    }

    @Override
    public Conditions parse(List<String> wishes) {
        int[] labels = new int[wishes.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classIndex(wishes.get(i));
        }
        return Conditions.ofLabels(labels);
    }

    private int classIndex(String wish) {
        String key = wish.strip();
        List<String> names = schema.classes();
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).equalsIgnoreCase(key)) {
                return c;
            }
        }
        try {
            int index = Integer.parseInt(key);
            if (index >= 0 && index < names.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // not an index either
        }
        List<String> known = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            known.add(c + "=" + names.get(c));
        }
        throw new IllegalArgumentException("unknown class '" + wish + "'; known classes (name or index): "
                + String.join(", ", known).toLowerCase(Locale.ROOT));
    }
}
