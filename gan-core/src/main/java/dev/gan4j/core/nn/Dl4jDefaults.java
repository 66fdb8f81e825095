package dev.gan4j.core.nn;

import dev.gan4j.core.config.ModelContext;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;

/**
 * The DL4J configuration every built-in network starts from; user components can start from it too.
 * Weights are drawn from N(0, 0.02) with zero biases, the DCGAN initialisation (Radford et al. 2016).
 */
public final class Dl4jDefaults {
    /** Standard deviation of the DCGAN weight initialisation. */
    public static final double INIT_STD = 0.02;

    private Dl4jDefaults() {
    }

    public static NeuralNetConfiguration.Builder builder(ModelContext context) {
        return new NeuralNetConfiguration.Builder()
                .seed(context.seed())
                .dataType(context.dataType())
                .updater(context.updater())
                .weightInit(new NormalDistribution(0, INIT_STD))
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .cacheMode(CacheMode.NONE);
    }
}
