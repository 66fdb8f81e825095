package dev.gan4j.core.testing;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.OptionalInt;

/** In-memory 2-D points: example i is (i / n, -i / n). Lets engine tests see which examples a batch holds. */
public final class PointData implements DataSource {
    private final int size;

    public PointData(int size) {
        this.size = size;
    }

    @Override
    public Shape shape() {
        return Shape.vector(2);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public OptionalInt numClasses() {
        return OptionalInt.empty();
    }

    @Override
    public Batch batch(int[] indices) {
        float[] values = new float[indices.length * 2];
        for (int i = 0; i < indices.length; i++) {
            values[2 * i] = indices[i] / (float) size;
            values[2 * i + 1] = -indices[i] / (float) size;
        }
        return new Batch(Nd4j.create(values, new long[] {indices.length, 2}, 'c'), null);
    }

    @Override
    public String description() {
        return size + " test points";
    }
}
