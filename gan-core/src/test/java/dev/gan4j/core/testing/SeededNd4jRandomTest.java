package dev.gan4j.core.testing;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The auto-detected extension seeds ND4J from the running test's unique id, before the test body runs. */
class SeededNd4jRandomTest {
    @Test
    void eachTestStartsFromTheSeedOfItsId() {
        double drawn = Nd4j.rand(DataType.DOUBLE, 3).getDouble(2);
        String id = "[engine:junit-jupiter]/[class:" + SeededNd4jRandomTest.class.getName() + "]/[method:eachTestStartsFromTheSeedOfItsId()]";
        Nd4j.getRandom().setSeed(id.hashCode());
        assertEquals(drawn, Nd4j.rand(DataType.DOUBLE, 3).getDouble(2));
    }
}
