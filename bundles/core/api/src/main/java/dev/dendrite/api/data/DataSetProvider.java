package dev.dendrite.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A built-in data set generated in code. Register as a service with a {@code name} property and
 * an optional {@code description}. Generation is deterministic for a given seed.
 */
@ConsumerType
public interface DataSetProvider {

    /** Generates the data set's samples (unscaled) from {@code seed}. */
    DataSet generate(long seed);
}
