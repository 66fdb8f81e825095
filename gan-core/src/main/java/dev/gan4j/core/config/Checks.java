package dev.gan4j.core.config;

import java.util.Arrays;

/** Argument checks for spec constructors; each failure names the field and the value found. */
public final class Checks {
    private Checks() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /** An optional text: absent is fine, empty or blank is refused (leave the field out instead). */
    public static void nonBlank(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidValueException(field, "must not be empty; leave it out instead");
        }
    }

    public static int positive(String field, Integer value, int defaultValue) {
        int v = value == null ? defaultValue : value;
        if (v <= 0) {
            throw new InvalidValueException(field, "must be > 0, found " + v);
        }
        return v;
    }

    /** {@code value}, refused above {@code max} with {@code why} the limit exists. */
    public static int atMost(String field, int value, int max, String why) {
        if (value > max) {
            throw new InvalidValueException(field, "must be at most " + max + " (" + why + "), found " + value);
        }
        return value;
    }

    public static int nonNegative(String field, Integer value, int defaultValue) {
        int v = value == null ? defaultValue : value;
        if (v < 0) {
            throw new InvalidValueException(field, "must be >= 0, found " + v);
        }
        return v;
    }

    public static double positive(String field, Double value, double defaultValue) {
        double v = value == null ? defaultValue : value;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidValueException(field, "must be a finite number > 0, found " + v);
        }
        return v;
    }

    /** A value in [low, high). */
    public static double inRange(String field, Double value, double defaultValue, double low, double high) {
        double v = value == null ? defaultValue : value;
        if (!(v >= low && v < high)) {
            throw new InvalidValueException(field, "must be in [" + low + ", " + high + "), found " + v);
        }
        return v;
    }

    public static int[] positiveAll(String field, int[] values, int[] defaultValues) {
        int[] v = values == null ? defaultValues.clone() : values.clone();
        if (v.length == 0) {
            throw new InvalidValueException(field, "must not be empty");
        }
        for (int x : v) {
            if (x <= 0) {
                throw new InvalidValueException(field, "values must be > 0, found " + Arrays.toString(v));
            }
        }
        return v;
    }
}
