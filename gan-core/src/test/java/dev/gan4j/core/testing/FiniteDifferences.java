package dev.gan4j.core.testing;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleSupplier;

/** Central finite differences of a scalar loss with respect to single parameters of a network (double precision). */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** d loss / d parameters[index], by (L(p + h) - L(p - h)) / 2h, leaving the parameters as they were. */
    public static double derivative(TrainableNetwork network, long index, double h, DoubleSupplier loss) {
        INDArray original = network.parameters();
        INDArray plus = original.dup();
        plus.putScalar(index, original.getDouble(index) + h);
        network.setParameters(plus);
        double up = loss.getAsDouble();
        INDArray minus = original.dup();
        minus.putScalar(index, original.getDouble(index) - h);
        network.setParameters(minus);
        double down = loss.getAsDouble();
        network.setParameters(original);
        return (up - down) / (2 * h);
    }

    /** Relative error used by DL4J's own gradient checks, with an absolute floor for tiny gradients. */
    public static double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        return scale < 1e-10 ? 0 : Math.abs(analytic - numeric) / scale;
    }
}
