package dev.gan4j.core.testing;

import dev.gan4j.core.api.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks on what a network's optimizer carries from one update to the next. */
public final class UpdateAssertions {
    private UpdateAssertions() {
    }

    /**
     * Takes one identical training step on both networks and asserts they end with the same parameters: after a state
     * round trip, the optimizer's moments (Adam) must have come back with the parameters, or the steps differ.
     */
    public static void assertSameNextUpdate(TrainableNetwork a, TrainableNetwork b, INDArray input, INDArray outputGradient) {
        for (TrainableNetwork network : new TrainableNetwork[] {a, b}) {
            network.forward(input, true);
            network.backward(outputGradient);
            network.applyGradients((int) input.size(0));
        }
        assertEquals(a.parameters(), b.parameters(), "the same optimizer state gives the same next update");
    }
}
