package dev.dendrite.api.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The training service: builds the network the request describes, resolves its plug-ins by name in
 * the service registry (highest {@code service.ranking} wins), and runs mini-batch gradient
 * descent. A run binds its plug-ins when it starts and keeps them until it ends. Thread safe:
 * concurrent runs share nothing.
 */
@ProviderType
public interface Trainer {

    /**
     * Trains on {@code data.train()}, reporting on {@code data.validation()} too when present,
     * from a seeded initialization, or from the weights of {@code start} when it is not null (warm
     * start, fine-tuning, tracing a saved model): the start model's architecture then wins over
     * the request's layers and activations, and its input and output widths must fit the data.
     * A thread interrupt stops the run at the next iteration with a
     * {@link TrainingInterruptedException} carrying the last completed epoch.
     *
     * @throws IllegalArgumentException    for an unknown plug-in name (the message lists the
     *                                     available names), an optimizer hyperparameter the
     *                                     optimizer does not have, or a start model that does not
     *                                     fit the data
     * @throws IllegalStateException       when training diverges: its values overflow, or its loss
     *                                     or weights grow far beyond where they started (nothing is kept)
     * @throws TrainingInterruptedException when a plug-in goes away or fails — throws, or produces a
     *                                     NaN or an infinity; the message names the plug-in, its
     *                                     bundle, the phase and the iteration — or the thread is interrupted
     */
    TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener, Model start);

    /** As {@link #train(TrainingRequest, DataSplit, TrainingListener, Model)} from a seeded initialization. */
    default TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener) {
        return train(request, data, listener, null);
    }

    /**
     * As {@link #train(TrainingRequest, DataSplit, TrainingListener)}.
     *
     * @deprecated since 1.1, use {@link #train(TrainingRequest, DataSplit, TrainingListener)}; removed in 2.0
     */
    @Deprecated
    default TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener) {
        return train(spec.toRequest(), data, listener, null);
    }

    /**
     * As {@link #train(TrainingRequest, DataSplit, TrainingListener, Model)}.
     *
     * @deprecated since 1.1, use {@link #train(TrainingRequest, DataSplit, TrainingListener, Model)}; removed in 2.0
     */
    @Deprecated
    default TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener, Model start) {
        return train(spec.toRequest(), data, listener, start);
    }

    /**
     * Forward propagation of already-scaled inputs X (n[0], m) through the model: returns
     * A[L] (n[L], m).
     */
    Matrix predict(Model model, Matrix x);

    /**
     * A predictor of {@code model} for many calls, thread safe (since 1.2). The default predicts
     * through {@link #predict(Model, Matrix)}, call by call.
     *
     * @throws IllegalArgumentException for a plug-in of the model that is not registered
     */
    default Predictor predictor(Model model) {
        return new Predictor() {
            @Override
            public Matrix predict(Matrix x) {
                return Trainer.this.predict(model, x);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The model's cost and metrics on an already-scaled data set that follows its schema. */
    Metrics evaluate(Model model, DataSet data);
}
