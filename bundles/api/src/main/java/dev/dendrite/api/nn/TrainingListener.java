package dev.dendrite.api.nn;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress events of a training run, called on the training thread, in this order:
 * {@code started}, then per iteration {@code iteration} and per epoch {@code epoch}, then
 * {@code finished}. The trainer never prints; listeners decide what the user sees.
 */
@ConsumerType
public interface TrainingListener {

    /** A listener that ignores every event. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * The run starts.
     *
     * @param layers             the shapes of layers 1 … L
     * @param samples            m, training samples
     * @param iterationsPerEpoch ceil(m / batch size)
     */
    default void started(List<LayerShape> layers, int samples, int iterationsPerEpoch) {
    }

    /** One mini-batch update is done; {@code batchCost} is J on that batch before the update. */
    default void iteration(int epoch, long iteration, double batchCost) {
    }

    /** An epoch is done (also reported for the partial last epoch of an iterations budget). */
    default void epoch(EpochReport report) {
    }

    /** The run is over. */
    default void finished(TrainingResult result) {
    }
}
