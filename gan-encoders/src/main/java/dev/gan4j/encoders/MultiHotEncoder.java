package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Tag sets as multi-hot vectors, one entry per tag of the data's vocabulary: the attribute conditioning of
 * attribute-to-image models (Yan et al. 2016, "Attribute2Image"), where any combination of attributes may be
 * asked for. A wish is a comma-separated list of tags, in any case and order.
 */
public final class MultiHotEncoder implements Encoder {
    private final ConditionSchema schema;
    private final DataType dataType;

    public MultiHotEncoder(ConditionSchema schema, DataType dataType) {
        this.schema = requireNonNull(schema, "schema is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        if (schema.tags().isEmpty()) {
            throw new IllegalArgumentException("multi-hot needs tag sets in the data; this data has none"
                    + (schema.classes().isEmpty() ? "" : " (it has class labels: use one-hot, or data.conditions \"tags\")"));
        }
    }

    @Override
    public int outputDim() {
        return schema.tags().size();
    }

    @Override
    public ConditionSchema schema() {
        return schema;
    }

    @Override
    public INDArray encode(Conditions conditions, boolean training) {
        INDArray tags = conditions.tags();
        if (tags == null) {
            throw new IllegalArgumentException("multi-hot encodes tag sets; these conditions carry none");
        }
        if (tags.rank() != 2 || tags.size(1) != outputDim()) {
            throw new IllegalArgumentException("tag sets must have shape [n, " + outputDim() + "], found "
                    + java.util.Arrays.toString(tags.shape()));
        }
        return tags.castTo(dataType).dup();
    }

    /**
     * @throws IllegalArgumentException for an empty wish, an unknown tag (listing the known tags) or two tags of a group
     *                                  that exclude each other (the data's tag groups)
     */
    @Override
    public Conditions parse(List<String> wishes) {
        INDArray tags = Nd4j.zeros(dataType, wishes.size(), outputDim());
        for (int i = 0; i < wishes.size(); i++) {
            boolean any = false;
            List<String> named = new ArrayList<>();
            for (String part : wishes.get(i).split(",")) {
                String tag = part.strip();
                if (tag.isEmpty()) {
                    continue;
                }
                int index = indexOf(tag);
                if (index < 0) {
                    throw new IllegalArgumentException("unknown tag '" + part.strip() + "'; known tags: "
                            + String.join(", ", new TreeSet<>(schema.tags())));
                }
                tags.putScalar(i, index, 1);
                named.add(schema.tags().get(index));
                any = true;
            }
            schema.requireValidTagSet(named);
            if (!any) {
                throw new IllegalArgumentException("no tags in '" + wishes.get(i) + "'; give comma-separated tags from: "
                        + String.join(", ", new TreeSet<>(schema.tags())));
            }
        }
        return new Conditions(null, tags, null);
    }

    private int indexOf(String tag) {
        for (int t = 0; t < schema.tags().size(); t++) {
            if (schema.tags().get(t).equalsIgnoreCase(tag)) {
                return t;
            }
        }
        return -1;
    }
}
