package dev.dendrite.api.data;

/** What the targets of a data set are. */
public enum Task {
    /** Targets are class indices 0 … k-1 into the data set's class labels. */
    CLASSIFICATION,
    /** Targets are real values. */
    REGRESSION
}
