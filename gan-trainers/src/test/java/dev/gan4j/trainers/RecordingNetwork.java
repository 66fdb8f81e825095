package dev.gan4j.trainers;

import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.nn.ForwardingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A network that remembers the output gradients its parameters were asked to learn from, what it judged, and the
 * accumulated gradient of each update it applied.
 */
final class RecordingNetwork extends ForwardingNetwork {
    final List<INDArray> parameterGradients = new ArrayList<>();
    final List<INDArray> inputs = new ArrayList<>();
    final List<INDArray> outputs = new ArrayList<>();
    final List<INDArray> applied = new ArrayList<>();

    RecordingNetwork(TrainableNetwork network) {
        super(network);
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray output = super.forward(input, training);
        inputs.add(input.dup());
        outputs.add(output.dup());
        return output;
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        parameterGradients.add(outputGradient.dup());
        return super.backward(outputGradient);
    }

    @Override
    public void accumulateGradient(INDArray outputGradient) {
        parameterGradients.add(outputGradient.dup());
        super.accumulateGradient(outputGradient);
    }

    @Override
    public void applyGradients(int batchSize) {
        applied.add(super.accumulatedGradient());
        super.applyGradients(batchSize);
    }
}
