/**
 * Metrics for trained generators, computed on feature matrices ({@code [samples, features]}, any
 * floating type, worked on in double precision) or on a judge's class predictions.
 *
 * <ul>
 *   <li>{@link dev.gan4j.metrics.FrechetDistance}: FID in any feature space (Heusel et al. 2017).
 *   <li>{@link dev.gan4j.metrics.KernelInceptionDistance}: unbiased polynomial-kernel MMD
 *       (Bińkowski et al. 2018).
 *   <li>{@link dev.gan4j.metrics.PrecisionRecall}: improved precision and recall (Kynkäänniemi et
 *       al. 2019).
 *   <li>{@link dev.gan4j.metrics.DensityCoverage}: density and coverage (Naeem et al. 2020).
 *   <li>{@link dev.gan4j.metrics.ClassHistogram} and {@link dev.gan4j.metrics.ConditionalAccuracy}:
 *       mode collapse and condition obedience as seen by a judge classifier.
 *   <li>{@link dev.gan4j.metrics.ModeCoverage}: modes captured and high-quality share on a known Gaussian
 *       mixture, the 2-D benchmarks of PacGAN (Lin et al. 2018), without a judge.
 * </ul>
 *
 * <p>Nearest-neighbour metrics compute pairwise distances as matrix products, a block of rows at a
 * time, so sets of tens of thousands of samples fit in memory. The judge networks that produce the
 * features and the command line that reports the metrics build on this package.
 */
package dev.gan4j.metrics;
