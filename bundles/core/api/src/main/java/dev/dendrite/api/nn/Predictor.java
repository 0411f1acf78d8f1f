package dev.dendrite.api.nn;

import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Forward propagation of one model, made for many calls (model serving): the network is built
 * once and reused, calls from several threads may run at once, and a call allocates little beyond
 * its result. Close it to let go of the plug-ins it holds (since 1.2).
 */
@ProviderType
public interface Predictor extends AutoCloseable {

    /**
     * A[L] (n[L], m) of already-scaled inputs X (n[0], m), as {@link Trainer#predict(Model, Matrix)}.
     *
     * @throws IllegalArgumentException for a wrong number of features, or a prediction that is not finite
     * @throws IllegalStateException    when a plug-in the model uses has gone away (make a new predictor)
     */
    Matrix predict(Matrix x);

    @Override
    void close();
}
