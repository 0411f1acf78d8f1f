package dev.dendrite.api.data;

import java.util.List;

/**
 * A training split and an optional validation split, already scaled with {@code scaling}
 * (fitted on the training split only).
 *
 * @param train      the training samples
 * @param validation the validation samples, or null when there are none
 * @param scaling    the feature transform applied to both
 * @param target     the target column's name, or null (built-ins)
 * @param columns    the file columns the features come from ({@link DataSchema#columns()})
 */
public record DataSplit(DataSet train, DataSet validation, FeatureScaling scaling, String target, List<FeatureColumn> columns) {

    public DataSplit {
        columns = List.copyOf(columns);
    }

    /** A split whose features are numeric columns of their own names. */
    public DataSplit(DataSet train, DataSet validation, FeatureScaling scaling, String target) {
        this(train, validation, scaling, target, FeatureColumn.numeric(train.featureNames()));
    }

    /** A split without a named target column. */
    public DataSplit(DataSet train, DataSet validation, FeatureScaling scaling) {
        this(train, validation, scaling, null);
    }

    public boolean hasValidation() {
        return validation != null && validation.samples() > 0;
    }

    /** The schema a model trained on this split keeps. */
    public DataSchema schema() {
        return new DataSchema(train.featureNames(), target, train.task(), train.classes(), scaling, columns);
    }
}
