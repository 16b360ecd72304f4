package org.vae4j.options;

import java.util.List;
import java.util.function.Predicate;

/**
 * The values an option accepts beyond its type, with the words that describe them in help texts and error
 * messages ("must be &gt;= 1, got 0").
 *
 * @param text what the accepted values are, as in "&gt;= 1"; empty when any value of the type is accepted
 * @param test whether a parsed value is accepted
 */
public record Constraint(String text, Predicate<Object> test) {

    /** Any value of the option's type. */
    public static Constraint any() {
        return new Constraint("", value -> true);
    }

    /** An integer (int or long) of at least {@code min}. */
    public static Constraint atLeast(long min) {
        return new Constraint(">= " + min, value -> ((Number) value).longValue() >= min);
    }

    /** An integer (int or long) in [{@code min}, {@code max}]. */
    public static Constraint between(long min, long max) {
        return new Constraint("in [" + min + ", " + max + "]", value -> ((Number) value).longValue() >= min
                && ((Number) value).longValue() <= max);
    }

    /** A finite number greater than 0. */
    public static Constraint positive() {
        return new Constraint("finite and > 0", value -> finite(value) && ((Number) value).doubleValue() > 0);
    }

    /** A finite number of at least 0. */
    public static Constraint nonNegative() {
        return new Constraint("finite and >= 0", value -> finite(value) && ((Number) value).doubleValue() >= 0);
    }

    /** A number in [0, 1). */
    public static Constraint fraction() {
        return new Constraint("in [0, 1)", value -> ((Number) value).doubleValue() >= 0
                && ((Number) value).doubleValue() < 1);
    }

    /** A list whose every element is an integer of at least {@code min}. */
    public static Constraint eachAtLeast(int min) {
        return new Constraint("a list of integers >= " + min,
                value -> ((List<?>) value).stream().allMatch(e -> ((Integer) e) >= min));
    }

    private static boolean finite(Object value) {
        return Double.isFinite(((Number) value).doubleValue());
    }

    /** Whether {@code value} is accepted. */
    public boolean accepts(Object value) {
        return test.test(value);
    }
}
