package dev.dendrite.api.data;

import java.util.Locale;

/**
 * How to load and split a data set.
 *
 * @param target             CSV target column name, or null for the last column
 * @param validationFraction the share of samples held out for validation, in [0, 1)
 * @param seed               seeds generation of built-ins and the shuffle of the split
 * @param task               the task, or null to detect it from the target column
 * @param scaling            {@code standard} (mean 0, std 1), {@code minmax} (to [0, 1]) or
 *                           {@code none}; null for the source's default (standard for CSV and
 *                           built-ins; images are always divided by 255 first)
 * @param table              how a table (CSV) file is read: delimiter, missing cells, categorical columns
 */
public record DataOptions(String target, double validationFraction, long seed, Task task, String scaling, TableOptions table) {

    public DataOptions {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (scaling != null) {
            scaling = scaling.toLowerCase(Locale.ROOT);
            if (!scaling.equals("standard") && !scaling.equals("minmax") && !scaling.equals("none")) {
                throw new IllegalArgumentException("unknown scaling '" + scaling + "' (available: standard, minmax, none)");
            }
        }
        table = table == null ? TableOptions.DEFAULTS : table;
    }

    /** A table read with {@link TableOptions#DEFAULTS}. */
    public DataOptions(String target, double validationFraction, long seed, Task task, String scaling) {
        this(target, validationFraction, seed, task, scaling, TableOptions.DEFAULTS);
    }

    /** Detected task and default scaling. */
    public DataOptions(String target, double validationFraction, long seed) {
        this(target, validationFraction, seed, null, null);
    }

    public static DataOptions defaults() {
        return new DataOptions(null, 0.2, 42);
    }
}
