package dev.dendrite.optimizers;

import static dev.dendrite.optimizers.Hyperparameters.LR;
import static java.util.Map.entry;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import org.osgi.service.component.annotations.Component;

/** Plain gradient descent θ ← θ − α·g. Hyperparameters: lr = 0.1. No state. */
@Component(service = Optimizer.class, property = {
        "name=sgd",
        "description=gradient descent, theta -= lr * g"})
public class Sgd extends BaseOptimizer {

    public Sgd() {
        super("sgd", Hyperparameters.ordered(entry(LR, 0.1)));
    }

    @Override
    Updater create(Hyperparameters h) {
        return new StatefulUpdater(0) {
            @Override
            void step(double[] theta, double[] g, double[][] state, double alpha) {
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= alpha * g[k];
                }
            }
        };
    }
}
