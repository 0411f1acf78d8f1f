package dev.dendrite.api.nn;

import java.util.List;

/**
 * The outcome of a run: the trained model (with early stopping, the best epoch's weights), the
 * per-epoch history, and the model's final metrics.
 *
 * @param model      the trained network
 * @param history    one report per completed epoch
 * @param iterations updates done
 * @param plugins    the implementations the run used, e.g. {@code activation relu: dev.dendrite.activations 0.1.0}
 * @param train      the model's metrics on the training split
 * @param validation the model's metrics on the validation split, or null
 * @param stopReason why the run ended, e.g. {@code completed} or {@code early stopping: best epoch 12 (val_loss 0.0812)}
 */
public record TrainingResult(Model model, List<EpochReport> history, long iterations, List<String> plugins,
                             Metrics train, Metrics validation, String stopReason) {

    public TrainingResult {
        history = List.copyOf(history);
        plugins = List.copyOf(plugins);
    }

    /** The last epoch's report. */
    public EpochReport last() {
        return history.get(history.size() - 1);
    }
}
