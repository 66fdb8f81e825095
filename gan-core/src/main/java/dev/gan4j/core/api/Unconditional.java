package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** The encoder of unconditional training: no condition vector. */
public final class Unconditional implements Encoder {
    public static final Unconditional INSTANCE = new Unconditional();

    private Unconditional() {
    }

    @Override
    public int outputDim() {
        return 0;
    }

    @Override
    public ConditionSchema schema() {
        return ConditionSchema.NONE;
    }

    @Override
    public INDArray encode(Conditions conditions, boolean training) {
        return null;
    }

    @Override
    public Conditions parse(List<String> wishes) {
        throw new IllegalArgumentException("this model is unconditional: it takes no label, tags or text");
    }
}
