package dev.gan4j.metrics.judge;

import dev.gan4j.core.api.Shape;
import dev.gan4j.nn.FastNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The judge network, split in two so the penultimate layer is a network's output: a body of two
 * strided convolutions and a dense layer (the feature extractor), and a linear head to the class logits.
 */
final class JudgeArchitecture {
    static final String NAME = "cnn";
    static final int FEATURES = 128;

    private JudgeArchitecture() {
    }

    static FastNetwork body(Shape input, IUpdater updater, long seed) {
        if (!input.isImage() || input.height() % 4 != 0 || input.width() % 4 != 0) {
            throw new IllegalArgumentException("the cnn judge needs images with sides divisible by 4, found " + input);
        }
        return FastNetwork.builder(input, DataType.FLOAT)
                .conv(32, 4, 2, 1).leakyRelu(0.2)
                .conv(64, 4, 2, 1).batchNorm().leakyRelu(0.2)
                .dense(FEATURES).batchNorm().relu()
                .build(updater, seed, 0.05);
    }

    static FastNetwork head(int classes, IUpdater updater, long seed) {
        return FastNetwork.builder(Shape.vector(FEATURES), DataType.FLOAT).dense(classes).build(updater, seed, 0.05);
    }
}
