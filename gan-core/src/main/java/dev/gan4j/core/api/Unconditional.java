package dev.gan4j.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

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
    public INDArray encode(Batch batch) {
        return null;
    }
}
