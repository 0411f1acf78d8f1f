package dev.dendrite.bench;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LayerShape;
import dev.dendrite.api.nn.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The training time of each epoch: from the epoch's start (shuffle included) to the end of its last
 * iteration, leaving out the evaluation of the metrics that the trainer runs after each epoch.
 */
final class EpochTimer implements TrainingListener {
    private final List<Double> seconds = new ArrayList<>();
    private int perEpoch;
    private long start;

    @Override
    public void started(List<LayerShape> layers, int samples, int iterationsPerEpoch) {
        perEpoch = iterationsPerEpoch;
        start = System.nanoTime();
    }

    @Override
    public void iteration(int epoch, long iteration, double batchCost) {
        if (iteration % perEpoch == 0) {
            seconds.add((System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public void epoch(EpochReport report) {
        start = System.nanoTime();
    }

    /** Seconds per epoch, in order. */
    List<Double> seconds() {
        return List.copyOf(seconds);
    }
}
