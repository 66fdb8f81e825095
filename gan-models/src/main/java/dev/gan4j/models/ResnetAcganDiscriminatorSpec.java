package dev.gan4j.models;

import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.Checks;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import dev.gan4j.nn.FastNetwork;

/**
 * The residual discriminator of Jin et al. 2017 (figure 3): no batch norm, so that DRAGAN's gradient penalty sees each
 * example alone, and an auxiliary classifier (ACGAN, Odena et al. 2017) with one logit per tag beside the real/fake
 * logit:
 * <pre>
 *   conv 4x4 stride 2 to width, leaky ReLU 0.2
 *   per level: blocksPerLevel x residual(conv 3x3, leaky ReLU, conv 3x3) each followed by leaky ReLU,
 *              then conv 4x4 stride 2 doubling the maps, leaky ReLU
 *   dense to 1 + tags
 * </pre>
 * Levels continue while the map's side is even and above 2: at 64x64 four levels from 32x32 down to 2x2, width 32
 * to 512 maps, as {@code ../shared/bench/torch_gan64.py --arch srresnet}. In an unconditional experiment it has the
 * real/fake logit alone; {@code conditioning} can also be {@code projection} or {@code concat}. Runs on the fast layers
 * only.
 *
 * @param width          feature maps of the first convolution (default 32)
 * @param blocksPerLevel residual blocks before each halving (default 2)
 * @param leakySlope     slope of the leaky ReLUs (default 0.2)
 * @param spectralNorm   spectral normalization of every weight (default false, as in the paper)
 * @param conditioning   {@code acgan} (default), {@code projection} or {@code concat}
 */
public record ResnetAcganDiscriminatorSpec(Integer width, Integer blocksPerLevel, Double leakySlope, Boolean spectralNorm,
                                           Conditioning conditioning) implements DiscriminatorSpec {
    public ResnetAcganDiscriminatorSpec {
        width = Checks.positive("width", width, 32);
        blocksPerLevel = Checks.nonNegative("blocksPerLevel", blocksPerLevel, 2);
        leakySlope = Checks.inRange("leakySlope", leakySlope, 0.2, 0, 1);
        spectralNorm = spectralNorm != null && spectralNorm;
        conditioning = conditioning == null ? Conditioning.ACGAN : conditioning;
    }

    @Override
    public Discriminator create(ModelContext context) {
        Shape shape = context.dataShape();
        if (!shape.isImage() || shape.height() % 2 != 0 || shape.width() % 2 != 0) {
            throw new InvalidValueException("type", "resnet-acgan judges images [channels, height, width] of even sides, but the "
                    + "data has shape " + shape);
        }
        double slope = leakySlope;
        FastNetwork.Builder net = FastNetwork.builder(shape, context.dataType()).spectralNorm(spectralNorm)
                .conv(width, 4, 2, 1).leakyRelu(slope);
        int maps = width;
        int h = shape.height() / 2;
        int w = shape.width() / 2;
        while (h % 2 == 0 && w % 2 == 0 && Math.min(h, w) > 2) {
            int c = maps;
            for (int i = 0; i < blocksPerLevel; i++) {
                net.residual(block -> block.conv(c, 3, 1, 1).leakyRelu(slope).conv(c, 3, 1, 1)).leakyRelu(slope);
            }
            maps *= 2;
            net.conv(maps, 4, 2, 1).leakyRelu(slope);
            h /= 2;
            w /= 2;
        }
        if (context.conditionDim() == 0) {
            return Conditioning.PROJECTION.build(net, shape, context, spectralNorm, false, true);
        }
        return conditioning.build(net, shape, context, spectralNorm, false, true);
    }
}
