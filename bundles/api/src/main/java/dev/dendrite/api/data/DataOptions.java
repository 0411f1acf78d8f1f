package dev.dendrite.api.data;

/**
 * How to load and split a data set.
 *
 * @param target             CSV target column name, or null for the last column
 * @param validationFraction the share of samples held out for validation, in [0, 1)
 * @param seed               seeds generation of built-ins and the shuffle of the split
 */
public record DataOptions(String target, double validationFraction, long seed) {

    public DataOptions {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
    }

    public static DataOptions defaults() {
        return new DataOptions(null, 0.2, 42);
    }
}
