package dev.gan4j.core.testing;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.Unconditional;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.nn.Dl4jDefaults;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import dev.gan4j.core.nn.NetworkDiscriminator;
import dev.gan4j.core.nn.NetworkGenerator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/** Small DL4J networks for engine tests that must not depend on gan-models. */
public final class TinyNetworks {
    private TinyNetworks() {
    }

    /** Dense(in, hidden, tanh) + BN + Dense(hidden, out, identity). */
    public static MultiLayerNetwork dense(int in, int hidden, int out, long seed, IUpdater updater, DataType dataType) {
        ModelContext context = new ModelContext(Shape.vector(out), 0, seed, updater, dataType);
        NeuralNetConfiguration.ListBuilder list = Dl4jDefaults.builder(context).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(out).activation(Activation.IDENTITY).build());
        list.setInputType(InputType.feedForward(in));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** A generator of 2-D points from a 3-D latent and a discriminator of 2-D points. */
    public static GanModel pointGan(long seed, IUpdater updater) {
        Shape point = Shape.vector(2);
        Generator g = new NetworkGenerator(3, 0, point,
                new MultiLayerNetworkAdapter(dense(3, 8, 2, seed, updater, DataType.FLOAT), Shape.vector(3), point));
        Discriminator d = new NetworkDiscriminator(point, 0,
                new MultiLayerNetworkAdapter(dense(2, 8, 1, seed + 1, updater, DataType.FLOAT), point, Shape.vector(1)));
        return new GanModel(g, d, Unconditional.INSTANCE);
    }
}
