package dev.dendrite.api.data;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads a data set by built-in name or CSV path, splits it (seeded shuffle) into training and
 * validation samples, and standardizes features with statistics of the training split only.
 *
 * <p>CSV: one header line of column names, comma-separated numeric features, the target column
 * chosen by name (default last). A target column with any non-numeric value holds class labels;
 * an all-integer column with at most 20 distinct values, fewer than half the rows, holds class
 * labels too; any other numeric target makes a regression task.
 */
@ProviderType
public interface DataService {

    /**
     * @param source a built-in data-set name or the path of a CSV file
     * @throws IllegalArgumentException for an unknown name, a missing file, or malformed content;
     *                                  the message names the file, line, column and value
     */
    DataSplit load(String source, DataOptions options);
}
