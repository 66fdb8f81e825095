package dev.gan4j.core.config;

/**
 * An exponential moving average of the generator's weights, used for sample grids, {@code gan sample} and
 * evaluation instead of the raw weights (Karras et al. 2018; Yazici et al. 2019 show it improves FID for
 * most losses at no training cost). Batch-norm running statistics are averaged with the weights, as BigGAN does
 * (Brock et al. 2019); they are the raw generator's statistics, not recomputed for the averaged weights
 * (BigGAN's "standing statistics"), so in inference the averaged generator normalises with the statistics of
 * slightly different weights.
 *
 * @param decay weight of the old average at each generator update, in (0, 1) (default 0.999)
 * @param start generator updates before which the average simply copies the weights (default 0)
 */
public record EmaSpec(Double decay, Integer start) {
    public EmaSpec {
        decay = decay == null ? 0.999 : decay;
        if (!(decay > 0 && decay < 1)) {
            throw new InvalidValueException("decay", "must be in (0, 1), found " + decay);
        }
        start = Checks.nonNegative("start", start, 0);
    }
}
