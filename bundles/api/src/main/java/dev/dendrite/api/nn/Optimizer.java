package dev.dendrite.api.nn;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A gradient-descent method. The service itself is stateless: each training run asks it for a
 * fresh {@link Updater}, which owns all per-run state (velocities, moments, step count), so
 * runs never share state.
 *
 * <p>Register as a service with a {@code name} property (e.g. {@code sgd}).
 */
@ConsumerType
public interface Optimizer {

    /**
     * The hyperparameters this optimizer understands with their defaults, e.g. {@code lr=0.01}.
     * Every optimizer understands {@code lr}, the learning rate α.
     */
    Map<String, Double> defaults();

    /**
     * A new updater for one run. {@code hyperparameters} holds every key of {@link #defaults()},
     * with the user's values where given; the trainer has already rejected unknown keys.
     *
     * @throws IllegalArgumentException if a value is out of range (message names it)
     */
    Updater newUpdater(Map<String, Double> hyperparameters);
}
