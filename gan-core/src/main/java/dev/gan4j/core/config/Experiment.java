package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file that fully describes a run. The resolved form, with every default filled in, is saved
 * in the run directory and in each checkpoint.
 *
 * @param name          run name, also the default run directory {@code runs/<name>}
 * @param description   one line for people, shown by {@code gan presets}
 * @param seed          seed of weight initialisation, data order, latent draws
 * @param encoder       condition encoder; {@code null} for unconditional training
 * @param evaluation    evaluation during training; {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Experiment(String name, String description, Long seed, DataSpec data, GeneratorSpec generator,
                         DiscriminatorSpec discriminator, EncoderSpec encoder, StrategySpec strategy,
                         OptimizersSpec optimizers, TrainingSpec training, EvaluationSpec evaluation) {
    public Experiment {
        Checks.required("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidValueException("name", "must be letters, digits, '.', '_' or '-' (it names a directory), found '" + name + "'");
        }
        seed = seed == null ? 42L : seed;
        Checks.required("data", data);
        Checks.required("generator", generator);
        Checks.required("discriminator", discriminator);
        Checks.required("strategy", strategy);
        optimizers = optimizers == null ? OptimizersSpec.defaults() : optimizers;
        training = training == null ? TrainingSpec.defaults() : training;
    }
}
