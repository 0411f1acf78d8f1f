package dev.dendrite.api.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The training service: builds the network the spec describes, resolves its plug-ins by name in
 * the service registry (highest {@code service.ranking} wins), and runs mini-batch gradient
 * descent. A run binds its plug-ins when it starts and keeps them until it ends. Thread safe:
 * concurrent runs share nothing.
 */
@ProviderType
public interface Trainer {

    /**
     * Trains on {@code data.train()}, reporting on {@code data.validation()} too when present.
     *
     * @throws IllegalArgumentException for a bad spec or an unknown plug-in name (the message
     *                                  lists the available names)
     * @throws IllegalStateException    when training diverges (the cost is no longer finite)
     */
    TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener);

    /**
     * Forward propagation of already-scaled inputs X (n[0], m) through the model: returns
     * A[L] (n[L], m).
     */
    Matrix predict(Model model, Matrix x);

    /** The model's cost and metrics on an already-scaled data set that follows its schema. */
    Metrics evaluate(Model model, DataSet data);
}
