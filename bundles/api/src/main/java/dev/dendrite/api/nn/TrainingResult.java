package dev.dendrite.api.nn;

import java.util.List;

/**
 * The outcome of a run: the trained model, the per-epoch history, and the final metrics.
 *
 * @param model      the trained network
 * @param history    one report per completed epoch
 * @param iterations updates done
 * @param plugins    the implementations the run used, e.g. {@code activation relu -> dev.dendrite.activations 0.1.0}
 */
public record TrainingResult(Model model, List<EpochReport> history, long iterations, List<String> plugins) {

    public TrainingResult {
        history = List.copyOf(history);
        plugins = List.copyOf(plugins);
    }

    /** The last epoch's report. */
    public EpochReport last() {
        return history.get(history.size() - 1);
    }
}
