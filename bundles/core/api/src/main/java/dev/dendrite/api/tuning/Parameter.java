package dev.dendrite.api.tuning;

import java.util.List;
import java.util.Locale;

/**
 * One searched hyperparameter and its domain. Values have one Java type per kind:
 * {@link Kind#UNIFORM} and {@link Kind#LOGUNIFORM} give {@code Double}, {@link Kind#INT} gives
 * {@code Long}, {@link Kind#CHOICE} gives the chosen {@code String} as written.
 *
 * @param name      the hyperparameter, e.g. {@code lr}
 * @param kind      the domain's kind
 * @param low       lower bound (inclusive) for numeric kinds, else 0
 * @param high      upper bound (inclusive) for numeric kinds, else 0
 * @param choices   the values of a {@link Kind#CHOICE}, else empty
 * @param condition the condition under which the parameter is searched, or null for always
 */
public record Parameter(String name, Kind kind, double low, double high, List<String> choices, Condition condition) {

    /** The kinds of domain. */
    public enum Kind {
        /** A real x uniform in [low, high]. */
        UNIFORM,
        /** A real x with log x uniform in [log low, log high]; 0 &lt; low. */
        LOGUNIFORM,
        /** An integer uniform in {low, …, high}. */
        INT,
        /** One of the choices, each equally likely a priori. */
        CHOICE
    }

    /**
     * The parameter is active only when the CHOICE parameter {@code parameter} (declared earlier,
     * itself active) has the value {@code value}.
     */
    public record Condition(String parameter, String value) {
        @Override
        public String toString() {
            return parameter + "=" + value;
        }
    }

    public Parameter {
        choices = List.copyOf(choices);
        switch (kind) {
            case CHOICE -> {
                if (choices.isEmpty()) {
                    throw new IllegalArgumentException(name + ": choice needs at least one value");
                }
                if (choices.stream().distinct().count() != choices.size()) {
                    throw new IllegalArgumentException(name + ": choice values must be distinct, got " + choices);
                }
            }
            case UNIFORM, LOGUNIFORM, INT -> {
                if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                    throw new IllegalArgumentException(name + ": the lower bound must be below the upper bound, got " + low + ", " + high);
                }
                if (kind == Kind.LOGUNIFORM && low <= 0) {
                    throw new IllegalArgumentException(name + ": loguniform needs positive bounds, got " + low);
                }
                if (kind == Kind.INT && (low != Math.rint(low) || high != Math.rint(high))) {
                    throw new IllegalArgumentException(name + ": int bounds must be integers, got " + low + ", " + high);
                }
            }
        }
    }

    /** A parameter searched always. */
    public static Parameter of(String name, Kind kind, double low, double high) {
        return new Parameter(name, kind, low, high, List.of(), null);
    }

    /** A categorical parameter searched always. */
    public static Parameter choice(String name, String... values) {
        return new Parameter(name, Kind.CHOICE, 0, 0, List.of(values), null);
    }

    /** This parameter, searched only when {@code parameter=value}. */
    public Parameter when(String parameter, String value) {
        return new Parameter(name, kind, low, high, choices, new Condition(parameter, value));
    }

    /**
     * The value at quantile u ∈ [0, 1) of the prior: low + u·(high − low); exp(log low + u·(log high −
     * log low)); low + ⌊u·(high − low + 1)⌋; or choices[⌊u·k⌋]. A uniform u gives a draw from the prior.
     */
    public Object fromUnit(double u) {
        return switch (kind) {
            case UNIFORM -> low + u * (high - low);
            case LOGUNIFORM -> Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
            case INT -> (long) Math.min(high, low + Math.floor(u * (high - low + 1)));
            case CHOICE -> choices.get(Math.min(choices.size() - 1, (int) Math.floor(u * choices.size())));
        };
    }

    /** Whether {@code value} has this kind's type and lies in the domain. */
    public boolean contains(Object value) {
        return switch (kind) {
            case UNIFORM, LOGUNIFORM -> value instanceof Double d && d >= low && d <= high;
            case INT -> value instanceof Long l && l >= low && l <= high;
            case CHOICE -> value instanceof String s && choices.contains(s);
        };
    }

    /** The domain in the search-space syntax, e.g. {@code lr=loguniform(1.0E-4,0.1)}. */
    @Override
    public String toString() {
        String domain = switch (kind) {
            case CHOICE -> "choice(" + String.join(",", choices) + ")";
            case INT -> "int(" + (long) low + "," + (long) high + ")";
            default -> kind.name().toLowerCase(Locale.ROOT) + "(" + low + "," + high + ")";
        };
        return name + "=" + domain + (condition == null ? "" : " if " + condition);
    }
}
