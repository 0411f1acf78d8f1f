package dev.dendrite.shell;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LayerShape;
import dev.dendrite.api.nn.Propagation;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Several training listeners as one: each event goes to each, in order; a run stops when one of them asks. */
final class Listeners implements TrainingListener {
    private final List<TrainingListener> listeners;

    private Listeners(List<TrainingListener> listeners) {
        this.listeners = listeners;
    }

    /** The listeners given, nulls left out. */
    static TrainingListener all(TrainingListener... listeners) {
        return new Listeners(Arrays.stream(listeners).filter(Objects::nonNull).toList());
    }

    @Override
    public void started(List<LayerShape> layers, int samples, int iterationsPerEpoch) {
        listeners.forEach(l -> l.started(layers, samples, iterationsPerEpoch));
    }

    @Override
    public void iteration(int epoch, long iteration, double batchCost) {
        listeners.forEach(l -> l.iteration(epoch, iteration, batchCost));
    }

    @Override
    public void backpropagated(Propagation p) {
        listeners.forEach(l -> l.backpropagated(p));
    }

    @Override
    public void updated(Propagation p) {
        listeners.forEach(l -> l.updated(p));
    }

    @Override
    public void epoch(EpochReport report) {
        listeners.forEach(l -> l.epoch(report));
    }

    @Override
    public boolean stopRequested() {
        boolean stop = false;
        for (TrainingListener l : listeners) {
            stop |= l.stopRequested();
        }
        return stop;
    }

    @Override
    public void finished(TrainingResult result) {
        listeners.forEach(l -> l.finished(result));
    }
}
