package dev.dendrite.api.data;

import java.util.List;

/**
 * How raw samples map to network inputs and outputs, fixed when a model is trained and reused to
 * evaluate or predict on new files: the feature columns in input order, the target column, the
 * task, the class labels in output order and the feature scaling fitted on the training split.
 *
 * @param featureNames n[0] feature column names, in input order
 * @param target       the target column's name (null for built-ins)
 * @param task         classification or regression
 * @param classes      class labels in index order (empty for regression)
 * @param scaling      the per-feature transform
 */
public record DataSchema(List<String> featureNames, String target, Task task, List<String> classes, FeatureScaling scaling) {

    public DataSchema {
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
        if (scaling.offset().length != featureNames.size()) {
            throw new IllegalArgumentException("scaling for " + scaling.offset().length + " features, schema has " + featureNames.size());
        }
    }
}
