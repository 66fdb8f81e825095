package dev.gan4j.core.train;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Discriminator;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.api.Unconditional;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.EncoderContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.ModelContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the components of an experiment and checks that they fit together before any training:
 * the generator must produce what the data holds, the discriminator must read it, condition sizes
 * must agree. A short dry run catches user networks whose declared shapes are wrong.
 */
public final class ExperimentAssembly {
    private ExperimentAssembly() {
    }

    /** The opened data, the built and checked networks and the strategy of an experiment. */
    public record Assembled(DataSource data, GanModel model, TrainingStrategy strategy) {
    }

    public static Assembled assemble(Experiment experiment, DataContext dataContext, DataType dataType) {
        return assemble(experiment, dataContext, dataType, null);
    }

    /**
     * Like {@link #assemble(Experiment, DataContext, DataType)}, for resuming from {@code checkpoint}: the data must
     * still have its shape, size and conditions, and an encoder keeps the checkpoint's vocabulary rather than
     * rebuilding one from texts that may have changed since.
     */
    public static Assembled assemble(Experiment experiment, DataContext dataContext, DataType dataType, Checkpoint checkpoint) {
        return assemble(experiment, openData(experiment, dataContext), dataType, checkpoint);
    }

    /** Like {@link #assemble(Experiment, DataContext, DataType)} on data already open, or stand-in data ({@link SyntheticData}). */
    public static Assembled assemble(Experiment experiment, DataSource data, DataType dataType) {
        return assemble(experiment, data, dataType, null);
    }

    private static Assembled assemble(Experiment experiment, DataSource data, DataType dataType, Checkpoint checkpoint) {
        if (data.size() < experiment.data().batchSize()) {
            throw new ConfigException("data.batchSize", experiment.data().batchSize() + " is larger than the data set ("
                    + data.size() + " examples in " + data.description() + ")");
        }
        ConditionSchema schema = data.conditionSchema();
        if (checkpoint != null) {
            ConditionSchema saved = experiment.encoder() == null ? schema : checkpoint.conditions();
            if (!checkpoint.dataShape().equals(data.shape()) || !saved.classes().equals(schema.classes())
                    || !saved.tags().equals(schema.tags()) || saved.texts() != schema.texts()) {
                throw new ConfigException("data", data.description() + " no longer matches checkpoint " + checkpoint.directory()
                        + ": examples of shape " + data.shape() + " with " + describe(schema) + ", where the checkpoint was trained on "
                        + checkpoint.dataShape() + " with " + describe(saved));
            }
            if (checkpoint.dataSize() >= 0 && checkpoint.dataSize() != data.size()) {
                throw new ConfigException("data", data.description() + " now holds " + data.size() + " examples, where checkpoint "
                        + checkpoint.directory() + " was trained on " + checkpoint.dataSize() + ": the batches drawn from them would"
                        + " not continue the run; train the changed data as a new run (--run-dir)");
            }
            String fingerprint = data.fingerprint().orElse(null);
            if (checkpoint.dataFingerprint() != null && fingerprint != null && !checkpoint.dataFingerprint().equals(fingerprint)) {
                throw new ConfigException("data", data.description() + " changed since checkpoint " + checkpoint.directory()
                        + " was written (its content digest was " + checkpoint.dataFingerprint() + ", it is now " + fingerprint
                        + "): resuming would continue on other examples; train the changed data as a new run (--run-dir)");
            }
            if (!saved.vocabulary().isEmpty()) {
                schema = schema.withVocabulary(saved.vocabulary());
            }
        }
        GanModel model = buildModel(experiment, data.shape(), schema, data::texts, dataType);
        TrainingStrategy strategy = create("strategy", () -> experiment.strategy().create());
        create("strategy", () -> {
            strategy.check(model);
            return strategy;
        });
        if (experiment.data().batchSize() < strategy.minimumBatchSize()) {
            throw new ConfigException("data.batchSize", experiment.data().batchSize() + " is too small for the strategy as"
                    + " configured, which needs batches of at least " + strategy.minimumBatchSize());
        }
        return new Assembled(data, model, strategy);
    }

    private static String describe(ConditionSchema schema) {
        return !schema.classes().isEmpty() ? "classes " + schema.classes() : !schema.tags().isEmpty() ? "tags " + schema.tags()
                : schema.texts() ? "captions" : "no conditions";
    }

    public static DataSource openData(Experiment experiment, DataContext dataContext) {
        try {
            return create("data", () -> {
                try {
                    return experiment.data().open(dataContext);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new ConfigException("data", e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Builds and checks the networks for data of {@code dataShape} whose conditions {@code schema} describes,
     * without opening the data (sampling from a checkpoint).
     */
    public static GanModel buildModel(Experiment experiment, Shape dataShape, ConditionSchema schema, DataType dataType) {
        return buildModel(experiment, dataShape, schema, List::of, dataType);
    }

    /**
     * Like {@link #buildModel(Experiment, Shape, ConditionSchema, DataType)}, with the data's texts for an encoder
     * that builds its vocabulary from them (read only if one does).
     */
    public static GanModel buildModel(Experiment experiment, Shape dataShape, ConditionSchema schema,
                                      Supplier<List<String>> texts, DataType dataType) {
        long seed = experiment.seed();
        Encoder encoder = experiment.encoder() == null ? Unconditional.INSTANCE : create("encoder",
                () -> experiment.encoder().create(new EncoderContext(schema, Seeds.derive(seed, Seeds.INIT, 2),
                        experiment.optimizers().encoder().toUpdater(), dataType, texts)));
        int conditionDim = encoder.outputDim();
        int generatorConditionDim = encoder.generatorDim();
        Generator generator = create("generator", () -> experiment.generator().create(new ModelContext(dataShape,
                generatorConditionDim, Seeds.derive(seed, Seeds.INIT, 0), experiment.optimizers().generator().toUpdater(), dataType)));
        Discriminator discriminator = create("discriminator", () -> experiment.discriminator().create(new ModelContext(
                dataShape, conditionDim, Seeds.derive(seed, Seeds.INIT, 1),
                experiment.optimizers().discriminator().toUpdater(), dataType)));
        if (!generator.outputShape().equals(dataShape)) {
            throw new ConfigException("generator", "produces examples of shape " + generator.outputShape()
                    + " but the data (data.type '" + experiment.data().getClass().getSimpleName() + "') has shape " + dataShape);
        }
        if (!discriminator.inputShape().equals(dataShape)) {
            throw new ConfigException("discriminator", "reads examples of shape " + discriminator.inputShape()
                    + " but the data has shape " + dataShape);
        }
        if (generator.conditionDim() != generatorConditionDim) {
            throw new ConfigException("generator", "expects a condition of size " + generator.conditionDim()
                    + " but the encoder produces " + generatorConditionDim);
        }
        boolean auxiliaryOnly = discriminator.conditionDim() == 0 && discriminator.auxiliaryOutputs() > 0;
        if (discriminator.conditionDim() != conditionDim && !auxiliaryOnly) {
            throw new ConfigException("discriminator", "expects a condition of size " + discriminator.conditionDim()
                    + " but the encoder produces " + conditionDim);
        }
        dryRun(generator, discriminator, dataType);
        Generator averaged = null;
        if (experiment.training().ema() != null) {
            averaged = experiment.generator().create(new ModelContext(dataShape, generatorConditionDim, Seeds.derive(seed, Seeds.INIT, 0),
                    experiment.optimizers().generator().toUpdater(), dataType));
            averaged.network().blendFrom(generator.network(), 1);
        }
        return new GanModel(generator, discriminator, encoder, averaged);
    }

    private static void dryRun(Generator generator, Discriminator discriminator, DataType dataType) {
        INDArray z = Nd4j.zeros(dataType, 2, generator.latentDim() + generator.conditionDim());
        INDArray fake;
        try {
            fake = generator.generate(z);
        } catch (RuntimeException e) {
            throw new ConfigException("generator", "fails on a latent batch of shape " + Arrays.toString(z.shape())
                    + ": " + e.getMessage(), e);
        }
        long[] expected = generator.outputShape().withBatch(2);
        if (!Arrays.equals(fake.shape(), expected)) {
            throw new ConfigException("generator", "declares output shape " + generator.outputShape()
                    + " but its network produced " + Arrays.toString(fake.shape()));
        }
        INDArray logits;
        INDArray conditions = discriminator.conditionDim() == 0 ? null : Nd4j.zeros(dataType, 2, discriminator.conditionDim());
        try {
            logits = discriminator.judge(fake, conditions, false);
        } catch (RuntimeException e) {
            throw new ConfigException("discriminator", "fails on generated examples of shape "
                    + Arrays.toString(fake.shape()) + ": " + e.getMessage(), e);
        }
        int outputs = 1 + discriminator.auxiliaryOutputs();
        if (!Arrays.equals(logits.shape(), new long[] {2, outputs})) {
            throw new ConfigException("discriminator", "must output one logit per example"
                    + (outputs > 1 ? " and " + (outputs - 1) + " auxiliary outputs, shape [n, " + outputs + "]" : ", shape [n, 1]")
                    + ", but produced " + Arrays.toString(logits.shape()));
        }
    }

    private static <T> T create(String path, java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ConfigException e) {
            throw e;
        } catch (InvalidValueException e) {
            throw e.inSection(path);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException(path, e.getMessage(), e);
        }
    }
}
