package dev.gan4j.examples;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.api.StepContext;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.BatchSchedule;
import dev.gan4j.core.train.ExperimentAssembly;
import dev.gan4j.core.train.GaussianStepContext;
import dev.gan4j.core.train.Sampling;
import dev.gan4j.core.train.SyntheticData;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Throughput of an experiment's training step on batches held in memory (or, with {@code --live-data}, drawn from the
 * data source at every step), of drawing a batch from the data source, and of sampling in inference mode. Nothing is
 * written; the last line is machine-readable. An experiment whose data spec declares its shape (an image folder) trains
 * on {@link SyntheticData} of that shape unless {@code --live-data} asks for the data, when it is unconditional or
 * conditioned on tags whose vocabulary the spec declares (with random valid tag sets): the arithmetic is the same, and
 * the data need not be present.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the training step (and sampling) of an experiment on in-memory batches.")
final class BenchCommand implements Callable<Integer> {
    private static final int BATCHES_IN_MEMORY = 32;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "experiment JSON file or preset name")
    String config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config value")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--iters", defaultValue = "200", description = "timed training steps (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "20", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    NativeThreads nativeThreads = new NativeThreads();

    @Option(names = "--sample-batch", defaultValue = "500", description = "batch of the sampling benchmark (default: ${DEFAULT-VALUE})")
    int sampleBatch;

    @Option(names = "--sample-iters", defaultValue = "20", description = "timed sampling batches; 0 skips it (default: ${DEFAULT-VALUE})")
    int sampleIterations;

    @Option(names = "--profile", description = "print the time spent in each layer of fast networks")
    boolean profile;

    @Option(names = "--rss-every", defaultValue = "0", description = "print the resident memory every N steps (0: never)")
    int rssEvery;

    @Option(names = "--live-data", description = "draw each step's batch from the data source, as training does, instead of"
            + " cycling through batches held in memory")
    boolean liveData;

    @Option(names = "--data-batches", defaultValue = "200", description = "batches drawn to time the data source; 0 skips it"
            + " (default: ${DEFAULT-VALUE})")
    int dataBatches;

    @Override
    public Integer call() throws IOException {
        if (iterations <= 0 || warmup < 0 || sampleIterations < 0 || sampleBatch <= 0 || rssEvery < 0 || dataBatches < 0) {
            throw new UsageException("--iters and --sample-batch must be > 0; --warmup, --sample-iters, --rss-every and"
                    + " --data-batches >= 0");
        }
        nativeThreads.apply();
        ComponentRegistry registry = Plugins.registry();
        Experiment experiment = ExperimentSource.load(new ExperimentReader(registry), config == null ? Presets.DEFAULT : config, overrides);
        int batchSize = experiment.data().batchSize();
        Optional<ConditionSchema> declaredSchema = experiment.encoder() == null ? Optional.of(ConditionSchema.NONE)
                : experiment.data().declaredSchema().filter(schema -> !schema.tags().isEmpty());
        boolean synthetic = !liveData && declaredSchema.isPresent() && experiment.data().declaredShape().isPresent();
        ExperimentAssembly.Assembled assembled = synthetic
                ? ExperimentAssembly.assemble(experiment, new SyntheticData(experiment.data().declaredShape().get(),
                        BATCHES_IN_MEMORY * batchSize, experiment.seed(), declaredSchema.get()), DataType.FLOAT)
                : ExperimentAssembly.assemble(experiment, DataContext.system(), DataType.FLOAT);
        BatchSchedule schedule = new BatchSchedule(assembled.data(), batchSize, experiment.seed());
        double dataMs = dataBatches == 0 || synthetic ? Double.NaN : timeDataSource(schedule);
        if (dataBatches > 0 && !synthetic) {
            System.out.printf(Locale.ROOT, "data %s: %.3f ms per batch of %d (%d random batches)%n", assembled.data().description(),
                    dataMs, batchSize, dataBatches);
        }
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < (liveData ? 0 : BATCHES_IN_MEMORY); i++) {
            batches.add(schedule.batch(i));
        }
        Generator generator = assembled.model().generator();
        int latentDim = generator.latentDim();
        System.out.printf(Locale.ROOT, "bench %s: batch %d, %d warm-up + %d timed steps, threads %s, backend %s, %s%n",
                experiment.name(), batchSize, warmup, iterations, nativeThreads.describe(), backend(),
                liveData ? "batches drawn from the data source" : synthetic ? "batches of " + assembled.data().description()
                        : "batches in memory");
        long start = 0;
        for (int step = 0; step < warmup + iterations; step++) {
            if (step == warmup) {
                start = System.nanoTime();
                if (profile) {
                    fastNetworks(assembled).forEach(FastNetwork::startProfiling);
                }
            }
            StepContext context = new GaussianStepContext(experiment.seed(), step, latentDim, DataType.FLOAT);
            Batch batch = liveData ? schedule.reusingBatch(BATCHES_IN_MEMORY + step) : batches.get(step % BATCHES_IN_MEMORY);
            assembled.strategy().step(assembled.model(), batch, context);
            if (rssEvery > 0 && (step + 1) % rssEvery == 0) {
                System.out.printf(Locale.ROOT, "step=%d rss_mb=%.0f%n", step + 1, memoryMb("VmRSS"));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (profile) {
            for (var network : assembled.model().networks().entrySet()) {
                if (network.getValue() instanceof FastNetwork fast) {
                    System.out.println("profile of " + network.getKey() + " over " + iterations + " steps:");
                    fast.profile().forEach(line -> System.out.println("  " + line));
                }
            }
        }
        if (sampleIterations > 0) {
            INDArray z = generator.input(NormalSampler.latents(experiment.seed(), sampleBatch, latentDim),
                    generator.conditionDim() == 0 ? null : Sampling.condition(assembled.model().encoder(),
                            Sampling.defaults(generator, assembled.model().encoder(), 0, sampleBatch)));
            generator.generate(z);
            long sampleStart = System.nanoTime();
            for (int i = 0; i < sampleIterations; i++) {
                generator.generate(z);
            }
            double sampleSeconds = (System.nanoTime() - sampleStart) / 1e9;
            System.out.printf(Locale.ROOT, "sample_batch=%d sample_images_per_s=%.1f%n", sampleBatch,
                    sampleIterations * (double) sampleBatch / sampleSeconds);
        }
        System.out.printf(Locale.ROOT, "images_per_s=%.1f iters_per_s=%.2f peak_rss_mb=%.0f data_batch_ms=%.3f%n",
                iterations * (double) batchSize / seconds, iterations / seconds, memoryMb("VmHWM"), dataMs);
        return 0;
    }

    /**
     * Milliseconds to draw one batch from the data source as training does (the schedule's random order, into the array
     * it reuses), averaged over
     * {@code --data-batches} batches after a tenth as many untimed ones; steps far from the start, so the first epoch's
     * batches stay for the training benchmark.
     */
    private double timeDataSource(BatchSchedule schedule) {
        long offset = 1_000_000L;
        for (int i = 0; i < Math.max(1, dataBatches / 10); i++) {
            schedule.reusingBatch(offset + i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < dataBatches; i++) {
            schedule.reusingBatch(offset + dataBatches + i);
        }
        return (System.nanoTime() - start) / 1e6 / dataBatches;
    }

    private static List<FastNetwork> fastNetworks(ExperimentAssembly.Assembled assembled) {
        List<FastNetwork> networks = new ArrayList<>();
        for (var network : assembled.model().networks().values()) {
            if (network instanceof FastNetwork fast) {
                networks.add(fast);
            }
        }
        return networks;
    }

    private static String backend() {
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
        return Nd4j.getBackend().getClass().getSimpleName() + (extension.isEmpty() ? "" : " (" + extension.substring(1) + ")");
    }

    /** A memory figure of this process from /proc/self/status (VmRSS now, VmHWM peak), in MB; NaN where absent. */
    private static double memoryMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
