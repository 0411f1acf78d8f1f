package dev.dendrite.api.math;

import java.util.Locale;

/**
 * The floating-point format a run computes in: {@code float64} ({@link Matrix}, the default,
 * exact enough for gradient checks) or {@code float32} ({@link FloatMatrix}, twice the vector
 * lanes and half the memory traffic).
 *
 * @since 1.1
 */
public enum Precision {
    FLOAT64,
    FLOAT32;

    /** The name users write: {@code float64} or {@code float32}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
