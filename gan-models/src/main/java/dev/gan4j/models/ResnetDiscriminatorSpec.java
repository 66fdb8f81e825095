package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;

/**
 * The residual discriminator of SN-GAN (Miyato et al. 2018, appendix B): one down-block per halving of the image, one
 * more block at the smallest size, ReLU, global sum pooling and a linear output, every weight spectrally normalized
 * (by default). Down-blocks are
 * <pre>
 *   first:  main: conv 3x3, ReLU, conv 3x3, average pool 2;  skip: average pool 2, conv 1x1
 *   others: main: ReLU, conv 3x3, ReLU, conv 3x3, average pool 2;  skip: conv 1x1, average pool 2
 * </pre>
 * and the last block has no pooling (and an identity skip when its width does not change). At 64x64 with width 64 and
 * multipliers 1, 2, 4, 8, 16 it is SN-GAN's 64x64 discriminator; at 32x32 it halves once more than SN-GAN's CIFAR
 * one (to 4x4, as the generator starts). A condition enters as {@link Conditioning} says, by default the projection of
 * Miyato &amp; Koyama 2018 that this network was made for. Runs on the fast layers only.
 *
 * @param channels     feature maps of each block (one more value than the image has halvings)
 * @param width        instead of {@code channels}: the maps of every block (default 128), times {@code multipliers}
 * @param multipliers  per-block factors of {@code width} (default all 1)
 * @param spectralNorm spectral normalization of every convolution and linear layer (default true)
 * @param conditioning {@code projection} (default), {@code concat} or {@code acgan}
 * @param auxiliaryClassifier also classify the input by its condition (default false)
 */
public record ResnetDiscriminatorSpec(int[] channels, Integer width, int[] multipliers, Boolean spectralNorm,
                                      Conditioning conditioning, Boolean auxiliaryClassifier) implements DiscriminatorSpec {
    public ResnetDiscriminatorSpec {
        channels = channels == null ? null : Checks.positiveAll("channels", channels, channels);
        width = width == null ? null : Checks.positive("width", width, ResnetGeneratorSpec.DEFAULT_WIDTH);
        multipliers = multipliers == null ? null : Checks.positiveAll("multipliers", multipliers, multipliers);
        spectralNorm = spectralNorm == null || spectralNorm;
        conditioning = Conditioning.orDefault(conditioning);
        auxiliaryClassifier = auxiliaryClassifier != null && auxiliaryClassifier;
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
    public Discriminator create(ModelContext context) {
        Shape shape = context.dataShape();
        if (!shape.isImage()) {
            throw new InvalidValueException("type", "resnet judges images [channels, height, width] but the data has shape " + shape);
        }
        int halvings = ResnetStages.halvings(shape);
        int[] maps = ResnetStages.channels(channels, width, multipliers, halvings + 1, ResnetGeneratorSpec.DEFAULT_WIDTH);
        FastNetwork.Builder net = FastNetwork.builder(shape, context.dataType()).spectralNorm(spectralNorm);
        net.residual(main -> main.conv(maps[0], 3, 1, 1).relu().conv(maps[0], 3, 1, 1).averagePool(2),
                skip -> skip.averagePool(2).conv(maps[0], 1, 1, 0));
        for (int i = 1; i < maps.length; i++) {
            int out = maps[i];
            boolean down = i < halvings;
            boolean project = down || maps[i - 1] != out;
            net.residual(main -> {
                main.relu().conv(out, 3, 1, 1).relu().conv(out, 3, 1, 1);
                if (down) {
                    main.averagePool(2);
                }
            }, skip -> {
                if (project) {
                    skip.conv(out, 1, 1, 0);
                }
                if (down) {
                    skip.averagePool(2);
                }
            });
        }
        net.relu().globalSumPool();
        return conditioning.build(net, shape, context, spectralNorm, auxiliaryClassifier, true);
    }
}
