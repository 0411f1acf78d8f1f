package dev.dendrite.api.nn;

import dev.dendrite.api.math.FloatMatrix;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link Updater} that also updates single-precision parameters. Optional: in a float32 run the
 * trainer calls this method when the optimizer's updater offers it; otherwise it keeps a double
 * copy of the parameters, runs the double {@link Updater#update} on it and rounds the result, so
 * an optimizer written for double works at both precisions. One run calls only one of the two
 * methods.
 *
 * @since 1.2
 */
@ConsumerType
public interface FloatUpdater extends Updater {

    /** One iteration, as {@link Updater#update}, on float parameters and gradients. */
    void update(FloatMatrix[] params, FloatMatrix[] grads, double learningRate);
}
