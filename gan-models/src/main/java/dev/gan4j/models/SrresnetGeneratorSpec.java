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
 * The SRResNet-style generator of Jin, Zhang, Li, Tian, Zhu &amp; Fang 2017 ("Towards the Automatic Anime Characters
 * Creation with Generative Adversarial Networks", figure 2), after the super-resolution network of Ledig et al. 2017:
 * <pre>
 *   [z, condition] -&gt; dense to width x s x s, BN, ReLU                       (s = 16 at 64x64 and 128x128)
 *   blocks x residual(conv 3x3, BN, ReLU, conv 3x3, BN), then BN, ReLU,
 *            the whole run of blocks inside one long skip
 *   one [conv 3x3 to 4 width, pixel shuffle x2, BN, ReLU] per doubling     (2 at 64x64, 3 at 128x128)
 *   conv 9x9 to the image's channels, tanh
 * </pre>
 * The map starts at the image's side halved while it is even and above 16, so 64x64 and 128x128 start at 16x16 as in
 * the paper and {@code ../shared/bench/torch_gan64.py --arch srresnet}, and 28x28 at 14x14. The condition (a tag
 * vector) joins z at the input, as in the paper. Convolutions have biases, as PyTorch's default. Runs on the fast
 * layers only.
 *
 * @param latentDim size of z (default 128, as in the paper)
 * @param width     feature maps of the residual trunk (default 64, as in the paper)
 * @param blocks    residual blocks in the trunk (default 16, as in the paper)
 */
public record SrresnetGeneratorSpec(Integer latentDim, Integer width, Integer blocks) implements GeneratorSpec {
    static final int LARGEST_START = 16;

    public SrresnetGeneratorSpec {
        latentDim = Checks.positive("latentDim", latentDim, 128);
        width = Checks.positive("width", width, 64);
        blocks = Checks.nonNegative("blocks", blocks, 16);
    }

    @Override
    public Generator create(ModelContext context) {
        Shape shape = context.dataShape();
        if (!shape.isImage()) {
            throw new InvalidValueException("type", "srresnet generates images [channels, height, width] but the data has shape " + shape);
        }
        int doublings = doublings(shape);
        int h0 = shape.height() >> doublings;
        int w0 = shape.width() >> doublings;
        int maps = width;
        FastNetwork.Builder net = FastNetwork.builder(Shape.vector(latentDim + context.conditionDim()), context.dataType())
                .dense(maps * h0 * w0).batchNorm().relu().reshape(Shape.image(maps, h0, w0));
        net.residual(trunk -> {
            for (int i = 0; i < blocks; i++) {
                trunk.residual(block -> block.conv(maps, 3, 1, 1).batchNorm().relu().conv(maps, 3, 1, 1).batchNorm());
            }
            trunk.batchNorm().relu();
        });
        for (int i = 0; i < doublings; i++) {
            net.conv(4 * maps, 3, 1, 1).pixelShuffle(2).batchNorm().relu();
        }
        net.conv(shape.channels(), 9, 1, 4).tanh();
        return new NetworkGenerator(latentDim, context.conditionDim(), shape,
                net.build(context.updater(), context.seed(), Dl4jDefaults.INIT_STD));
    }

    /** How many times the pixel-shuffle stages double the starting map: halvings of the sides down to at most 16. */
    static int doublings(Shape shape) {
        int h = shape.height();
        int w = shape.width();
        int count = 0;
        while (h % 2 == 0 && w % 2 == 0 && Math.max(h, w) > LARGEST_START) {
            h /= 2;
            w /= 2;
            count++;
        }
        if (count == 0) {
            throw new InvalidValueException("type", "srresnet doubles its map at least once by pixel shuffle, but "
                    + shape.height() + "x" + shape.width() + " cannot be halved to a start map");
        }
        return count;
    }
}
