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
     * The hyperparameters this optimizer understands besides the learning rate, with their
     * defaults, e.g. {@code momentum=0.9}. (Optimizers written for version 1.0 list the learning
     * rate here too, as {@code lr}: that entry still serves as their default rate.)
     */
    Map<String, Double> defaults();

    /**
     * α when the user gives none. The default implementation reads {@code lr} of
     * {@link #defaults()}, as version 1.0 declared it, and is NaN when there is none (the user
     * must then give a rate).
     *
     * @since 1.1
     */
    default double defaultLearningRate() {
        Double lr = defaults().get("lr");
        return lr == null ? Double.NaN : lr;
    }

    /**
     * A new updater for one run. {@code hyperparameters} holds every key of {@link #defaults()},
     * with the user's values where given; the trainer has already rejected unknown keys. The
     * learning rate is not among them: it reaches {@link Updater#update} on every iteration.
     *
     * @throws IllegalArgumentException if a value is out of range (message names it)
     */
    Updater newUpdater(Map<String, Double> hyperparameters);
}
