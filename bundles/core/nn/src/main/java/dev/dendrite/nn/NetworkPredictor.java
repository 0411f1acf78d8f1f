package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Predictor;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A model's networks, built once and lent to one call at a time: as many as calls have run at
 * once, each with its weights and a workspace per power-of-two chunk size, so that a call
 * allocates only its result after the first calls. The plug-ins stay bound until {@link #close()};
 * one that goes away ends the predictor's use with an {@link IllegalStateException}.
 */
final class NetworkPredictor implements Predictor {
    private final Model model;
    private final Bindings bound;
    private final Queue<Network<?>> idle = new ConcurrentLinkedQueue<>();

    NetworkPredictor(Model model, PluginResolver plugins) {
        this.model = model;
        this.bound = new Bindings(plugins);
        idle.add(network()); // an unknown plug-in is refused here, not at the first call
    }

    private Network<?> network() {
        synchronized (bound) {
            return NetworkTrainer.network(model, bound);
        }
    }

    @Override
    public Matrix predict(Matrix x) {
        if (bound.anyGone()) {
            throw new IllegalStateException(bound.gone().orElse("a plug-in") + " has gone away; the model must be loaded again");
        }
        Network<?> network = idle.poll();
        if (network == null) {
            network = network();
        }
        try {
            return NetworkTrainer.predict(network, x, true);
        } finally {
            idle.offer(network);
        }
    }

    @Override
    public void close() {
        synchronized (bound) {
            bound.close();
        }
    }
}
