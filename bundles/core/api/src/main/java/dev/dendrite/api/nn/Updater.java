package dev.dendrite.api.nn;

import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The per-run, stateful half of an {@link Optimizer}. Used by one thread at a time.
 */
@ConsumerType
public interface Updater {

    /**
     * One iteration: updates every {@code params[i]} in place from the gradient {@code grads[i]}
     * (same shape; grads are only read). The arrays hold the same matrices, in the same order
     * (W[1], b[1], W[2], b[2], …), on every call of a run, so state may be kept per index.
     * State may be allocated on the first call; later calls should not allocate.
     *
     * @param learningRate α for this iteration (the trainer applies any schedule)
     */
    void update(Matrix[] params, Matrix[] grads, double learningRate);
}
