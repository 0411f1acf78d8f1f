package dev.dendrite.api.data;

/**
 * A training split and an optional validation split, already scaled with {@code scaling}
 * (fitted on the training split only).
 *
 * @param train      the training samples
 * @param validation the validation samples, or null when there are none
 * @param scaling    the feature transform applied to both
 */
public record DataSplit(DataSet train, DataSet validation, FeatureScaling scaling) {

    public boolean hasValidation() {
        return validation != null && validation.samples() > 0;
    }
}
