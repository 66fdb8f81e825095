package dev.gan4j.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.GaussianMixture;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.io.NpyReader;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.ExperimentAssembly;
import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.core.train.Sampling;
import dev.gan4j.metrics.ModeCoverage;
import dev.gan4j.metrics.eval.Evaluator;
import dev.gan4j.metrics.eval.Metric;
import dev.gan4j.metrics.report.RunReport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure a run's generator against the held-out data in a judge's feature space.",
                "With --samples, measure samples from an NPY file instead (e.g. another framework's)."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "run directory or checkpoint")
    Path runDir;

    @Option(names = "--samples", paramLabel = "FILE.npy", description = "evaluate these samples instead of a run")
    Path samplesFile;

    @Option(names = "--config", paramLabel = "CONFIG", description = "with --samples: the experiment whose data they imitate (default: "
            + Presets.DEFAULT + ")")
    String config;

    @Option(names = "--checkpoint", paramLabel = "step-N", description = "checkpoint to evaluate (default: the latest)")
    String checkpoint;

    @Option(names = "--n", description = "generated samples (default: 10000; 2500 for modes, PacGAN's count)")
    Integer samples;

    @Option(names = "--metrics", description = "metrics: fid, kid, pr, dc, classes, conditional, modes (default: fid,kid,pr,dc,classes; "
            + "with conditional for class-conditional models, without classes for tag and text models; modes for the 2-D "
            + "Gaussian mixtures ring and grid)")
    String metrics;

    @Option(names = "--judge", paramLabel = "FILE", description = "judge file (default: ~/.gan/judges/<dataset>.judge, or"
            + " <dataset>-tags.judge when only that exists)")
    Path judgeFile;

    @Option(names = "--held-out", paramLabel = "JSON", description = "the held-out data to compare with (default: the run's "
            + "evaluation.heldOut, else the test split of its named dataset), e.g. {\"type\":\"idx\",\"images\":...}")
    String heldOut;

    @Option(names = "--raw-weights", description = "evaluate the generator's own weights even when the run keeps a moving average (training.ema)")
    boolean rawWeights;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the latent draws and KID subsets (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    NativeThreads nativeThreads = new NativeThreads();

    private static INDArray generate(Generator generator, Encoder encoder, int n, long seed) {
        return Sampling.generate(generator, encoder, NormalSampler.latents(seed, n, generator.latentDim()),
                Sampling.defaults(generator, encoder, 0, n)).dup();
    }

    private static INDArray first(DataSource data, int n) {
        return data.range(0, Math.min(n, data.size())).examples();
    }

    private static INDArray requireFinite(INDArray samples, Path file) {
        if (samples.length() > 0 && !Double.isFinite(samples.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber().doubleValue())) {
            throw new IllegalArgumentException(file + " holds NaN or infinite values");
        }
        return samples;
    }

    /**
     * Images from elsewhere must be what gan4j's generators produce, values in [-1, 1]: images saved as 0..255 or
     * [0, 1] would give numbers that mean nothing.
     */
    private static void requireImageRange(INDArray samples, Path file) {
        if (samples.length() == 0) {
            return;
        }
        double min = samples.minNumber().doubleValue();
        double max = samples.maxNumber().doubleValue();
        if (min < -1 - 1e-3 || max > 1 + 1e-3) {
            throw new IllegalArgumentException(file + " holds values from " + min + " to " + max + "; images are compared in [-1, 1],"
                    + " as gan sample writes them (scale 0..255 images by x / 127.5 - 1)");
        }
    }

    @Override
    public Integer call() throws IOException {
        ComponentRegistry registry = Plugins.registry();
        if ((runDir == null) == (samplesFile == null)) {
            throw new UsageException("give either RUN_DIR or --samples FILE.npy");
        }
        if (runDir != null && config != null) {
            throw new UsageException("--config goes with --samples: a run is evaluated against its own config");
        }
        if (samplesFile != null && (checkpoint != null || rawWeights || samples != null)) {
            throw new UsageException("--checkpoint, --raw-weights and --n choose what a run generates; --samples evaluates its file"
                    + " as it is");
        }
        nativeThreads.apply();
        CheckpointModels.Restored restored = runDir == null ? null : CheckpointModels.load(registry, runDir, checkpoint);
        boolean classConditional = restored != null && restored.model().generator().conditionDim() > 0
                && !restored.model().encoder().schema().classes().isEmpty();
        boolean otherConditional = restored != null && restored.model().generator().conditionDim() > 0 && !classConditional;
        Set<Metric> chosen = null;
        if (metrics != null) {
            try {
                chosen = Metric.parse(metrics);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--metrics: " + e.getMessage());
            }
        }
        Experiment experiment = restored != null ? restored.experiment()
                : ExperimentSource.load(new ExperimentReader(registry), config == null ? Presets.DEFAULT : config, java.util.List.of());
        INDArray given = samplesFile == null ? null : requireFinite(NpyReader.read(samplesFile), samplesFile);
        boolean twoDimensional = restored != null ? Shape.vector(2).equals(restored.checkpoint().dataShape())
                : given.rank() == 2 && given.size(1) == 2;
        DataSource data = twoDimensional && chosen == null ? ExperimentAssembly.openData(experiment, DataContext.system()) : null;
        if (chosen == null) {
            chosen = Metric.parse(data instanceof GaussianMixture ? "modes" : classConditional ? "fid,kid,pr,dc,classes,conditional"
                    : otherConditional ? "fid,kid,pr,dc" : "fid,kid,pr,dc,classes");
        }
        ObjectMapper mapper = registry.mapper();
        int requested = samples != null ? samples : chosen.contains(Metric.MODES) ? 2500 : 10000;
        int count = given == null ? requested : (int) given.size(0);
        int minimum = chosen.contains(Metric.MODES) ? 1 : 2;
        if (count < minimum) {
            String need = minimum == 1 ? "'modes' needs at least 1" : "the metrics need at least 2";
            if (given == null) {
                throw new UsageException("--n is " + count + "; " + need);
            }
            throw new IllegalArgumentException(samplesFile + " holds " + count + " samples; " + need);
        }
        String what = given == null ? restored.checkpoint().directory() + " (step " + restored.checkpoint().step() + ")" : samplesFile.toString();
        Map<String, Double> values;
        Map<String, Double> floor;
        String judgePath = null;
        if (chosen.contains(Metric.MODES)) {
            if (chosen.size() > 1) {
                throw new UsageException("measure 'modes' on its own: it needs no judge, the other metrics do");
            }
            if (data == null) {
                data = ExperimentAssembly.openData(experiment, DataContext.system());
            }
            if (!(data instanceof GaussianMixture mixture)) {
                throw new UsageException("'modes' needs data drawn from a known Gaussian mixture (ring, grid); this run's data is "
                        + data.description());
            }
            System.out.printf(Locale.ROOT, "evaluating %s on %s; %d samples, seed %d%n", what, data.description(), count, seed);
            INDArray points = given != null ? given : generate(sampler(restored), restored.model().encoder(), count, seed);
            ModeCoverage.Result modes = ModeCoverage.compute(points.reshape(count, points.length() / count), mixture.means(), mixture.std());
            values = new LinkedHashMap<>();
            values.put("modes_captured", (double) modes.modesCaptured());
            values.put("high_quality", modes.highQualityShare());
            values.put("mode_kl", modes.klToUniform());
            ModeCoverage.Result real = ModeCoverage.compute(first(data, count), mixture.means(), mixture.std());
            floor = Map.of("modes_captured", (double) real.modesCaptured(), "high_quality", real.highQualityShare(),
                    "mode_kl", real.klToUniform());
        } else {
            if (given != null) {
                requireImageRange(given, samplesFile);
            }
            DataSpec reference = heldOut != null ? JudgeCommand.spec(registry, heldOut, "--held-out")
                    : experiment.evaluation() != null ? experiment.evaluation().heldOut() : null;
            Evaluations.Setup setup = Evaluations.prepare(registry, experiment, judgeFile, "--judge", count, "--metrics",
                    reference, heldOut != null ? "--held-out" : "evaluation.heldOut");
            judgePath = setup.judgePath().toString();
            if (metrics == null && setup.judge().info().multiLabel()) {
                // A tag judge has no classes to histogram; it measures whether a tag model's samples show their tags.
                chosen = java.util.EnumSet.copyOf(chosen);
                chosen.remove(Metric.CLASSES);
                if (otherConditional && !restored.model().encoder().schema().tags().isEmpty()) {
                    chosen.add(Metric.CONDITIONAL);
                }
            }
            System.out.printf(Locale.ROOT, "evaluating %s with judge %s (test accuracy %.4f); %d samples, seed %d%n",
                    what, setup.judgePath(), setup.judge().info().testAccuracy(), count, seed);
            Evaluator evaluator = setup.evaluator();
            try {
                values = given == null ? evaluator.evaluate(sampler(restored), restored.model().encoder(), chosen, seed)
                        : evaluator.evaluateSamples(given, chosen, seed);
            } catch (InvalidValueException e) {
                if (given != null && e.field().equals("samples")) {
                    throw new IllegalArgumentException(samplesFile + ": " + e.problem(), e);
                }
                String option = switch (e.field()) {
                    case "judge" -> "--judge";
                    case "samples" -> "--n";
                    case "heldOut" -> heldOut != null ? "--held-out" : "evaluation.heldOut";
                    default -> "--metrics";
                };
                throw new UsageException(option + ": " + e.problem());
            }
            floor = evaluator.floor(chosen, seed);
        }
        for (Map.Entry<String, Double> value : values.entrySet()) {
            System.out.printf(Locale.ROOT, "%s=%.6f floor=%.6f%n", value.getKey(), value.getValue(), floor.get(value.getKey()));
        }
        if (restored == null) {
            return 0;
        }
        ObjectNode line = mapper.createObjectNode();
        line.put("step", restored.checkpoint().step());
        line.put("eval_samples", count);
        line.put("eval_seed", seed);
        line.put("eval_weights", restored.model().averaged() != null && !rawWeights ? "ema" : "raw");
        if (judgePath != null) {
            line.put("eval_judge", judgePath);
        }
        for (Map.Entry<String, Double> value : values.entrySet()) {
            line.put(value.getKey(), value.getValue());
            line.put(value.getKey() + "_floor", floor.get(value.getKey()));
        }
        Path runRoot = Files.isRegularFile(runDir.resolve("state.json")) ? runDir.toAbsolutePath().getParent().getParent() : runDir;
        Path metricsFile = new RunDirectory(runRoot).metrics();
        new RunDirectory(runRoot).appendMetrics(mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(line));
        System.out.println("appended to " + metricsFile);
        if (Files.isRegularFile(new RunDirectory(runRoot).config())) {
            System.out.println("report: " + new RunReport(new RunDirectory(runRoot)).write());
        }
        return 0;
    }

    private Generator sampler(CheckpointModels.Restored restored) {
        return rawWeights ? restored.model().generator() : restored.model().samplingGenerator();
    }
}
