package dev.dendrite.itests.broken;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import java.util.Map;

/** Gradient descent whose updates throw from update {@code from} on (counted over every run). */
public final class BrokenUpdate implements Optimizer {
    private final int from;
    private int calls;

    public BrokenUpdate(int from) {
        this.from = from;
    }

    @Override
    public double defaultLearningRate() {
        return 0.1;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of();
    }

    @Override
    public Updater newUpdater(Map<String, Double> hyperparameters) {
        return (params, grads, learningRate) -> {
            if (++calls >= from) {
                throw new IllegalStateException("update is broken on purpose");
            }
            for (int i = 0; i < params.length; i++) {
                double[] p = params[i].data();
                double[] g = grads[i].data();
                for (int j = 0; j < p.length; j++) {
                    p[j] -= learningRate * g[j];
                }
            }
        };
    }
}
