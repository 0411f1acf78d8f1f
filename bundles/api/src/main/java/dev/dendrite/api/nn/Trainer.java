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
     * As {@link #train(TrainingSpec, DataSplit, TrainingListener)}, starting from the weights of
     * {@code start} instead of a seeded initialization (warm start, fine-tuning, tracing a saved
     * model). The start model's architecture wins over the spec's layers and activations; its
     * input and output widths must fit the data.
     *
     * @throws IllegalArgumentException if the model does not fit the data
     * @throws UnsupportedOperationException if this trainer cannot start from a model (the
     *                                       platform's can; test doubles need not)
     */
    default TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener, Model start) {
        if (start == null) {
            return train(spec, data, listener);
        }
        throw new UnsupportedOperationException("this trainer cannot start from a model");
    }

    /**
     * Forward propagation of already-scaled inputs X (n[0], m) through the model: returns
     * A[L] (n[L], m).
     */
    Matrix predict(Model model, Matrix x);

    /** The model's cost and metrics on an already-scaled data set that follows its schema. */
    Metrics evaluate(Model model, DataSet data);
}
