package dev.dendrite.api.nn;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress events of a training run, called on the training thread, in this order:
 * {@code started}, then per iteration {@code backpropagated}, {@code updated} and {@code iteration},
 * per epoch {@code epoch} and {@code stopRequested}, then {@code finished}. The trainer never prints; listeners decide what the user sees.
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

    /**
     * Forward and backward propagation of an iteration are done, the optimizer has not updated
     * the parameters yet. Called on every iteration: keep it cheap.
     */
    default void backpropagated(Propagation p) {
    }

    /** The optimizer has updated the parameters of this iteration. */
    default void updated(Propagation p) {
    }

    /** An epoch is done (also reported for the partial last epoch of an iterations budget). */
    default void epoch(EpochReport report) {
    }

    /**
     * Asked after every epoch: true ends the run there, normally, with the result so far (a
     * tuner's pruner uses this to stop unpromising trials).
     */
    default boolean stopRequested() {
        return false;
    }

    /** The run is over. */
    default void finished(TrainingResult result) {
    }
}
