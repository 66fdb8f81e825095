package dev.gan4j.core.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeds ND4J's global generator before every test from the test's unique id, so {@code Nd4j.rand} and
 * {@code Nd4j.randn} in a test draw the same values on every run and in any test order: a tolerance that a test
 * meets once, it meets always. Registered for every module's tests through JUnit's extension auto-detection
 * ({@code META-INF/services} in this test jar, switched on in the parent POM's surefire configuration).
 */
public final class SeededNd4jRandom implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Nd4j.getRandom().setSeed(context.getUniqueId().hashCode());
    }
}
