package dev.gan4j.metrics.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.train.RunDirectory;
import dev.gan4j.core.train.TrainingListener;
import dev.gan4j.core.train.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates the generator every {@code every} steps and after the last one, with the same latent
 * draws each time, and appends the numbers to {@code metrics.jsonl} so curves over training can be drawn: the metric
 * keys {@code gan evaluate} writes, without its real-data floors (the same at every step) and judge path.
 */
public final class EvaluationListener implements TrainingListener {
    private final Evaluator evaluator;
    private final Set<Metric> metrics;
    private final int every;
    private final long seed;
    private final RunDirectory run;
    private final PrintStream console;
    private final ObjectMapper mapper = new ObjectMapper();

    public EvaluationListener(Evaluator evaluator, Set<Metric> metrics, int every, long seed, RunDirectory run, PrintStream console) {
        this.evaluator = requireNonNull(evaluator, "evaluator is null");
        this.metrics = Set.copyOf(metrics);
        if (every <= 0) {
            throw new IllegalArgumentException("every must be > 0, found " + every);
        }
        this.every = every;
        this.seed = seed;
        this.run = requireNonNull(run, "run is null");
        this.console = requireNonNull(console, "console is null");
    }

    /** An evaluation that cannot work fails before the first step, not at the first evaluation. */
    @Override
    public void onStart(TrainingRun training, long firstStep) {
        try {
            evaluator.check(training.model().samplingGenerator(), training.model().encoder(), metrics);
        } catch (InvalidValueException e) {
            throw e.inSection("evaluation");
        }
    }

    @Override
    public void onStep(TrainingRun training, long completed, Map<String, Double> values) {
        if (completed % every == 0 || completed == training.iterations()) {
            evaluate(training, completed);
        }
    }

    private void evaluate(TrainingRun training, long completed) {
        Map<String, Double> results = evaluator.evaluate(training.model().samplingGenerator(), training.model().encoder(), metrics, seed);
        ObjectNode line = mapper.createObjectNode();
        line.put("step", completed);
        line.put("eval_samples", evaluator.samples());
        line.put("eval_seed", seed);
        StringBuilder text = new StringBuilder("evaluation at step " + completed + ":");
        results.forEach((k, v) -> {
            line.put(k, v);
            text.append(String.format(Locale.ROOT, " %s=%.4f", k, v));
        });
        console.println(text);
        try {
            run.appendMetrics(mapper.writeValueAsString(line));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.metrics(), e);
        }
    }
}
