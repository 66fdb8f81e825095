package dev.gan4j.core.config;

import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

import static java.util.Objects.requireNonNull;

/**
 * What a model spec needs to build its network: the data it must produce or judge, the condition
 * size, the seed for weight initialisation, its optimizer and the floating-point type.
 */
public record ModelContext(Shape dataShape, int conditionDim, long seed, IUpdater updater, DataType dataType) {
    public ModelContext {
        requireNonNull(dataShape, "dataShape is null");
        requireNonNull(updater, "updater is null");
        requireNonNull(dataType, "dataType is null");
        if (conditionDim < 0) {
            throw new IllegalArgumentException("conditionDim must be >= 0, found " + conditionDim);
        }
    }
}
