package dev.dendrite.data;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where samples come from (a CSV file, an IDX pair, a built-in generator), read and split,
 * unscaled; {@link DefaultDataService} splits and scales them. Every read returns fresh arrays,
 * which the caller may scale in place.
 */
interface Source {

    /**
     * A data set read for training and split, with the name of its target column.
     *
     * @param train      the training samples, unscaled
     * @param validation the validation samples, unscaled, or null when there are none
     * @param target     the target column's name, or null when the source has no columns to choose from
     * @param column     names feature r in messages, e.g. {@code file x.csv, column 3 (f3)}
     * @param columns    the file columns the features come from; a missing cell is NaN in X
     */
    record Loaded(DataSet train, DataSet validation, String target, IntFunction<String> column, List<FeatureColumn> columns) {
        /** A whole data set of numeric features split as {@link Splitter} says, features named by their position. */
        static Loaded split(DataSet data, double fraction, long seed) {
            int[][] parts = Splitter.split(data, fraction, seed);
            return new Loaded(data.select(parts[0]), parts[1].length > 0 ? data.select(parts[1]) : null, null,
                    r -> data.name() + ", feature " + (r + 1) + " (" + data.featureNames().get(r) + ")",
                    FeatureColumn.numeric(data.featureNames()));
        }
    }

    /**
     * The data set for training, split ({@link Splitter}: the validation fraction, seeded, stratified for classes).
     *
     * @param target the target column's name, or null for the source's default
     * @param task   the task, or null to detect it from the target
     */
    Loaded read(String target, Task task, double validationFraction, long seed);

    /** The whole data set shaped as {@code schema} says: its features in order, its task and classes; unscaled. */
    DataSet read(DataSchema schema);

    /** The features X (n[0], m) in the order of {@code schema}, unscaled; no target is needed. */
    Matrix features(DataSchema schema);

    /** The scaling used when the options name none. */
    Scaling defaultScaling();
}
