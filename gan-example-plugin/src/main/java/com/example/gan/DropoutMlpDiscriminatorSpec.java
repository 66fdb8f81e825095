package com.example.gan;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.nn.Dl4jDefaults;
import dev.gan4j.core.nn.MultiLayerNetworkAdapter;
import dev.gan4j.core.nn.NetworkDiscriminator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * A user-written discriminator: a fully connected network with dropout on its hidden layers, the
 * discriminator of the original GAN paper (Goodfellow et al. 2014 trained D with dropout).
 *
 * <p>It shows everything a user component needs: a record whose fields are the JSON keys (validated
 * in the constructor), a {@code create} method that builds any DL4J network and wraps it with
 * {@link MultiLayerNetworkAdapter}, and a registration in {@link ExamplePlugin}.
 *
 * @param hidden      widths of the hidden layers
 * @param keep        probability of keeping an activation (DL4J's dropout parameter)
 */
public record DropoutMlpDiscriminatorSpec(int[] hidden, Double keep) implements DiscriminatorSpec {
    public DropoutMlpDiscriminatorSpec {
        hidden = Checks.positiveAll("hidden", hidden, new int[] {256});
        keep = Checks.inRange("keep", keep, 0.5, 1e-3, 1.0 + 1e-9);
    }

    @Override
    public Discriminator create(ModelContext context) {
        Shape shape = context.dataShape();
        int in = (int) shape.size();
        NeuralNetConfiguration.ListBuilder list = Dl4jDefaults.builder(context).list();
        int previous = in;
        for (int width : hidden) {
            list.layer(new DenseLayer.Builder().nIn(previous).nOut(width).activation(new ActivationLReLU(0.2))
                    .dropOut(keep).build());
            previous = width;
        }
        list.layer(new DenseLayer.Builder().nIn(previous).nOut(1).activation(Activation.IDENTITY).build());
        list.setInputType(InputType.feedForward(in));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return new NetworkDiscriminator(shape, 0, new MultiLayerNetworkAdapter(net, shape, Shape.vector(in),
                Shape.vector(1), Shape.vector(1)));
    }
}
