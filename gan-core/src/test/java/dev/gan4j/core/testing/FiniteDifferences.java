package dev.gan4j.core.testing;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.LongStream;

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
     * against central differences, to relative error 1e-5. Samples are spread over the whole vector, one per
     * equal stretch, the first and last entries always among them, so that no layer's block (a bias at the end
     * of a layer, a batch norm's shift) goes unchecked by chance.
     */
    public static void checkGradients(TrainableNetwork net, INDArray x, INDArray r, int parameterSamples) {
        net.forward(x, true);
        INDArray dx = net.backward(r).dup();
        INDArray dp = net.accumulatedGradient();
        net.discardGradients();
        Random random = new Random(2);
        DoubleSupplier loss = () -> net.forward(x, true).mul(r).sumNumber().doubleValue();
        for (long index : spread(net.parameterCount(), parameterSamples, random)) {
            assertClose(dp.getDouble(index), derivative(net, index, 1e-6, loss), "parameter " + index);
        }
        for (long index : spread(x.length(), 30, random)) {
            double original = x.getDouble(index);
            x.putScalar(index, original + 1e-6);
            double up = loss.getAsDouble();
            x.putScalar(index, original - 1e-6);
            double down = loss.getAsDouble();
            x.putScalar(index, original);
            assertClose(dx.getDouble(index), (up - down) / 2e-6, "input " + index);
        }
    }

    /** Every index below {@code count} when there are at most {@code samples}; else one per equal stretch, ends included. */
    static long[] spread(long count, int samples, Random random) {
        if (count <= samples) {
            return LongStream.range(0, count).toArray();
        }
        long[] indices = new long[samples];
        for (int k = 0; k < samples; k++) {
            long low = k * count / samples;
            long high = (k + 1) * count / samples;
            indices[k] = low + (long) (random.nextDouble() * (high - low));
        }
        indices[0] = 0;
        indices[samples - 1] = count - 1;
        return indices;
    }

    private static void assertClose(double analytic, double numeric, String what) {
        double error = relativeError(analytic, numeric);
        assertTrue(error < 1e-5 || Math.abs(analytic - numeric) < 1e-8,
                what + ": analytic " + analytic + " vs numeric " + numeric + " (relative error " + error + ")");
    }
}
