package dev.gan4j.core.testing;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Checks the parameter gradient (up to {@code parameterSamples} parameters, all when there are fewer) and
     * 30 entries of the input gradient of {@code L = sum(output * r)} after a training forward of {@code x}
     * against central differences, to relative error 1e-5.
     */
    public static void checkGradients(TrainableNetwork net, INDArray x, INDArray r, int parameterSamples) {
        net.forward(x, true);
        INDArray dx = net.backward(r).dup();
        INDArray dp = net.accumulatedGradient();
        net.discardGradients();
        Random random = new Random(2);
        long parameters = net.parameterCount();
        DoubleSupplier loss = () -> net.forward(x, true).mul(r).sumNumber().doubleValue();
        for (int k = 0; k < Math.min(parameterSamples, parameters); k++) {
            long index = parameters <= parameterSamples ? k : random.nextInt((int) parameters);
            assertClose(dp.getDouble(index), derivative(net, index, 1e-6, loss), "parameter " + index);
        }
        for (int k = 0; k < 30; k++) {
            long index = random.nextInt((int) x.length());
            double original = x.getDouble(index);
            x.putScalar(index, original + 1e-6);
            double up = loss.getAsDouble();
            x.putScalar(index, original - 1e-6);
            double down = loss.getAsDouble();
            x.putScalar(index, original);
            assertClose(dx.getDouble(index), (up - down) / 2e-6, "input " + index);
        }
    }

    private static void assertClose(double analytic, double numeric, String what) {
        double error = relativeError(analytic, numeric);
        assertTrue(error < 1e-5 || Math.abs(analytic - numeric) < 1e-8,
                what + ": analytic " + analytic + " vs numeric " + numeric + " (relative error " + error + ")");
    }
}
