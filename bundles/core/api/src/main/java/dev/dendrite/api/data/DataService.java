package dev.dendrite.api.data;

import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads data sets by built-in name or path, splits them (seeded, stratified for classes) into
 * training and validation samples, and scales features with statistics of the training split only.
 *
 * <p>Sources: a built-in name (see {@code ml:datasets}); a CSV file: one header line of column
 * names, RFC 4180 fields separated by one of {@code , ; \t |} ({@link TableOptions}), numeric or
 * categorical features, the target column chosen by name (default last); an
 * MNIST-format IDX images file ({@code *-images-idx3-ubyte}, gzip or plain) whose labels file
 * ({@code *-labels-idx1-ubyte}) lies beside it, pixels divided by 255. A CSV target column with
 * any non-numeric value holds class labels; an all-integer column with at most 20 distinct values,
 * fewer than half the rows, holds class labels too; any other numeric target is regression, unless
 * the options name the task.
 */
@ProviderType
public interface DataService {

    /**
     * Loads and splits a source.
     *
     * @throws IllegalArgumentException for an unknown name, a missing file, or malformed content;
     *                                  the message names the file, line, column and value
     */
    DataSplit load(String source, DataOptions options);

    /**
     * Loads a whole source (no split) the way {@code schema} says: the same feature columns (by
     * name for CSV), target column, class labels (a label the schema does not know is an error
     * naming its line) and scaling. Built-ins are generated from {@code seed}.
     *
     * @throws IllegalArgumentException as for {@link #load(String, DataOptions)}, or when the source
     *                                  does not fit the schema
     */
    DataSet load(String source, DataSchema schema, long seed);

    /**
     * The scaled features X (n[0], m) of a source for prediction; the target column may be absent.
     *
     * @throws IllegalArgumentException as for {@link #load(String, DataSchema, long)}
     */
    Matrix features(String source, DataSchema schema);

    /**
     * {@link #load(String, DataSchema, long)} reading a table file with {@code table}'s delimiter
     * and unseen-category policy (its missing and categorical settings are the schema's). A service
     * that reads no tables may ignore {@code table}.
     */
    default DataSet load(String source, DataSchema schema, long seed, TableOptions table) {
        return load(source, schema, seed);
    }

    /**
     * {@link #features(String, DataSchema)} reading a table file with {@code table}'s delimiter and
     * unseen-category policy. A service that reads no tables may ignore {@code table}.
     */
    default Matrix features(String source, DataSchema schema, TableOptions table) {
        return features(source, schema);
    }
}
