package dev.dendrite.api.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How raw samples map to network inputs and outputs, fixed when a model is trained and reused to
 * evaluate or predict on new files: the feature columns in input order, the target column, the
 * task, the class labels in output order, the feature scaling fitted on the training split, and how
 * each file column becomes features (numbers, one-hot categories, the fill of missing cells).
 * Feature names and column names are distinct.
 *
 * @param featureNames n[0] feature column names, in input order
 * @param target       the target column's name (null for built-ins)
 * @param task         classification or regression
 * @param classes      class labels in index order (empty for regression)
 * @param scaling      the per-feature transform
 * @param columns      the file columns the features come from, in input order: a numeric column
 *                     gives one feature, a categorical column one per category (see
 *                     {@link FeatureColumn}); their feature names are {@code featureNames}
 */
public record DataSchema(List<String> featureNames, String target, Task task, List<String> classes, FeatureScaling scaling,
                         List<FeatureColumn> columns) {

    public DataSchema {
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
        columns = List.copyOf(columns);
        if (scaling.offset().length != featureNames.size()) {
            throw new IllegalArgumentException("scaling for " + scaling.offset().length + " features, schema has " + featureNames.size());
        }
        Set<String> seen = new HashSet<>();
        for (String name : featureNames) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature '" + name + "' is named twice");
            }
        }
        Set<String> seenColumns = new HashSet<>();
        for (FeatureColumn column : columns) {
            if (!seenColumns.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' is named twice");
            }
        }
        if (!FeatureColumn.featureNames(columns).equals(featureNames)) {
            throw new IllegalArgumentException("the columns give the features " + FeatureColumn.featureNames(columns)
                    + ", the schema names " + featureNames);
        }
    }

    /** A schema of numeric feature columns, one per feature, whose missing cells are an error. */
    public DataSchema(List<String> featureNames, String target, Task task, List<String> classes, FeatureScaling scaling) {
        this(featureNames, target, task, classes, scaling, FeatureColumn.numeric(featureNames));
    }
}
