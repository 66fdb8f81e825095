package dev.gan4j.core.config;

/**
 * Thrown by spec constructors for an impossible value. The config reader prefixes the field name
 * with the path of the enclosing object, so Java callers and JSON users see the same check.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidValueException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /**
     * This problem as a config error of the experiment, its field named inside the section at {@code sectionPath}
     * ({@code evaluation} turns {@code metrics} into {@code evaluation.metrics}).
     */
    public ConfigException inSection(String sectionPath) {
        return new ConfigException(sectionPath + "." + field, problem, this);
    }
}
