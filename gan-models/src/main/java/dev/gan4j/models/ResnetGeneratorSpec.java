package dev.gan4j.models;

import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.core.nn.Dl4jDefaults;
import dev.gan4j.core.nn.NetworkGenerator;
import dev.gan4j.nn.FastNetwork;

/**
 * The residual generator of SN-GAN (Miyato, Kataoka, Koyama &amp; Yoshida 2018, "Spectral Normalization for Generative
 * Adversarial Networks", appendix B; the same blocks as Gulrajani et al. 2017's WGAN-GP ResNet): a linear
 * projection of z to the smallest map, then one up-block per halving of the image, then batch norm, ReLU, a 3x3
 * convolution to the image's channels and tanh. An up-block is
 * <pre>
 *   main: BN, ReLU, upsample x2 (nearest), conv 3x3, BN, ReLU, conv 3x3
 *   skip: upsample x2, conv 1x1
 * </pre>
 * With a condition every batch norm is conditional (de Vries et al. 2017; the cGAN with projection discriminator of
 * Miyato &amp; Koyama 2018 uses class-conditional batch norm in this generator), and the condition also joins z at the
 * input. Runs on the fast layers only.
 *
 * @param latentDim    size of z (default 128, as in SN-GAN)
 * @param channels     feature maps of the projection and of each up-block (one more value than the image has halvings:
 *                     4 at 32x32, 5 at 64x64, 3 at 28x28)
 * @param width        instead of {@code channels}: the maps of every stage (default 128), times {@code multipliers}
 * @param multipliers  per-stage factors of {@code width} (default all 1, SN-GAN's CIFAR layout; its 64x64 layout is
 *                     16, 8, 4, 2, 1 with width 64)
 * @param spectralNorm spectral normalization of every convolution and of the projection (default false, as in SN-GAN)
 */
public record ResnetGeneratorSpec(Integer latentDim, int[] channels, Integer width, int[] multipliers, Boolean spectralNorm)
        implements GeneratorSpec {
    static final int DEFAULT_WIDTH = 128;

    public ResnetGeneratorSpec {
        latentDim = Checks.positive("latentDim", latentDim, 128);
        channels = channels == null ? null : Checks.positiveAll("channels", channels, channels);
        width = width == null ? null : Checks.positive("width", width, DEFAULT_WIDTH);
        multipliers = multipliers == null ? null : Checks.positiveAll("multipliers", multipliers, multipliers);
        spectralNorm = spectralNorm != null && spectralNorm;
    }

    @Override
    public int[] channels() {
        return channels == null ? null : channels.clone();
    }

    @Override
    public int[] multipliers() {
        return multipliers == null ? null : multipliers.clone();
    }

    @Override
    public Generator create(ModelContext context) {
        Shape shape = context.dataShape();
        if (!shape.isImage()) {
            throw new InvalidValueException("type", "resnet generates images [channels, height, width] but the data has shape " + shape);
        }
        int blocks = ResnetStages.halvings(shape);
        int[] maps = ResnetStages.channels(channels, width, multipliers, blocks + 1, DEFAULT_WIDTH);
        int h0 = shape.height() >> blocks;
        int w0 = shape.width() >> blocks;
        boolean conditional = context.conditionDim() > 0;
        FastNetwork.Builder net = FastNetwork.builder(Shape.vector(latentDim + context.conditionDim()), context.dataType())
                .spectralNorm(spectralNorm);
        if (conditional) {
            net.conditioned(context.conditionDim());
        }
        net.dense(maps[0] * h0 * w0).reshape(Shape.image(maps[0], h0, w0));
        for (int i = 1; i <= blocks; i++) {
            int out = maps[i];
            net.residual(main -> norm(norm(main, conditional).relu().upsample(2).conv(out, 3, 1, 1), conditional).relu()
                            .conv(out, 3, 1, 1),
                    skip -> skip.upsample(2).conv(out, 1, 1, 0));
        }
        norm(net, conditional).relu().conv(shape.channels(), 3, 1, 1).tanh();
        return new NetworkGenerator(latentDim, context.conditionDim(), shape,
                net.build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD));
    }

    private static FastNetwork.Builder norm(FastNetwork.Builder builder, boolean conditional) {
        return conditional ? builder.conditionalBatchNorm() : builder.batchNorm();
    }
}
