package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * Evaluation during training: which metrics (names of {@code gan evaluate --metrics}), how often, on how
 * many generated samples, with which judge file.
 *
 * @param metrics names such as {@code fid}, {@code kid}, {@code pr}, {@code dc}, {@code classes}
 * @param every   steps between evaluations; the last step is always evaluated
 * @param samples generated samples per evaluation
 * @param judge   judge file; {@code null} for {@code ~/.gan/judges/<dataset>.judge}
 * @param seed    seed of the latent draws, the same at every evaluation so the numbers are comparable
 * @param heldOut the held-out data the samples are compared with; {@code null} for the test split of a named
 *                dataset (data of one's own files has none, so it needs this)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSpec(List<String> metrics, Integer every, Integer samples, String judge, Long seed, DataSpec heldOut) {
    public EvaluationSpec {
        if (metrics != null && metrics.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValueException("metrics", "holds a null; name metrics such as \"fid\"");
        }
        metrics = List.copyOf(metrics == null ? List.of("fid") : metrics);
        if (metrics.isEmpty()) {
            throw new InvalidValueException("metrics", "must name at least one metric");
        }
        every = Checks.positive("every", every, 1000);
        samples = Checks.positive("samples", samples, 10000);
        if (samples < 2) {
            throw new InvalidValueException("samples", "must be >= 2, found " + samples);
        }
        if (judge != null && judge.isBlank()) {
            throw new InvalidValueException("judge", "must not be empty; leave it out for the default judge");
        }
        seed = seed == null ? 0L : seed;
    }
}
