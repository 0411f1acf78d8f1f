package dev.dendrite.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyperparameters given to one {@code newUpdater} call, read against the optimizer's
 * defaults: a key that is not given takes its default, an unknown key is rejected, and each
 * getter checks its range, raising {@link IllegalArgumentException} with the optimizer, the
 * name and the value.
 */
final class Hyperparameters {

    static final String MOMENTUM = "momentum";
    static final String NESTEROV = "nesterov";
    static final String RHO = "rho";
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String EPSILON = "epsilon";
    static final String WEIGHT_DECAY = "weight_decay";

    private final String optimizer;
    private final Map<String, Double> defaults;
    private final Map<String, Double> given;

    Hyperparameters(String optimizer, Map<String, Double> defaults, Map<String, Double> given) {
        for (String key : given.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException(optimizer + ": unknown hyperparameter " + key
                        + "; known: " + String.join(", ", defaults.keySet()));
            }
        }
        this.optimizer = optimizer;
        this.defaults = defaults;
        this.given = given;
    }

    /** An unmodifiable map that keeps the order of {@code entries}, for {@code defaults()}. */
    @SafeVarargs
    static Map<String, Double> ordered(Map.Entry<String, Double>... entries) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    /** A finite value &gt; 0 (ε). */
    double positive(String key) {
        double v = value(key);
        return require(key, v, v > 0 && Double.isFinite(v), "a positive number");
    }

    /** A finite value ≥ 0 (weight decay). */
    double nonNegative(String key) {
        double v = value(key);
        return require(key, v, v >= 0 && Double.isFinite(v), "zero or positive");
    }

    /** A decay rate in [0, 1) (β, ρ). */
    double decayRate(String key) {
        double v = value(key);
        return require(key, v, v >= 0 && v < 1, "in [0, 1)");
    }

    /** A switch given as 0 (off) or 1 (on). */
    boolean flag(String key) {
        double v = value(key);
        return require(key, v, v == 0 || v == 1, "0 or 1") == 1;
    }

    private double value(String key) {
        Double v = given.get(key);
        return v != null ? v : defaults.get(key);
    }

    private double require(String key, double value, boolean valid, String expected) {
        if (!valid) {
            throw new IllegalArgumentException(optimizer + ": " + key + " must be " + expected + ", got " + value);
        }
        return value;
    }
}
