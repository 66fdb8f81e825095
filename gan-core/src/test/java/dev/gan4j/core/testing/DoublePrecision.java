package dev.gan4j.core.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class with ND4J's default data types set to {@code DOUBLE} and restores the previous ones
 * afterwards ({@code @ExtendWith(DoublePrecision.class)}). Finite-difference gradient checks need double
 * precision: in float, the rounding error of a difference quotient is as large as the gradient's.
 */
public final class DoublePrecision implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DoublePrecision.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("previous", Nd4j.dataType());
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DataType previous = context.getStore(NAMESPACE).get("previous", DataType.class);
        Nd4j.setDefaultDataTypes(previous, previous);
    }
}
