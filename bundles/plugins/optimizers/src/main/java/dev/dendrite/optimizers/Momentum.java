package dev.dendrite.optimizers;

import static dev.dendrite.optimizers.Hyperparameters.MOMENTUM;
import static dev.dendrite.optimizers.Hyperparameters.NESTEROV;
import static java.util.Map.entry;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import org.osgi.service.component.annotations.Component;

/**
 * Gradient descent with momentum, the velocity an exponentially weighted average of gradients:
 * v ← β·v + (1 − β)·g, then θ ← θ − α·v. With {@code nesterov = 1} the step looks ahead along
 * the velocity (the Nesterov form of Sutskever et al., written for this average):
 * θ ← θ − α·(β·v + (1 − β)·g), with v already updated. Default α = 0.1; hyperparameters:
 * momentum β = 0.9 in [0, 1), nesterov = 0 (0 or 1). The velocity starts at 0.
 */
@Component(service = Optimizer.class, property = {
        "name=momentum",
        "description=gradient descent with momentum, v = b v + (1-b) g, theta -= lr * v; nesterov=1 for Nesterov"})
public class Momentum extends BaseOptimizer {

    public Momentum() {
        super("momentum", 0.1, Hyperparameters.ordered(entry(MOMENTUM, 0.9), entry(NESTEROV, 0.0)));
    }

    @Override
    Updater create(Hyperparameters h) {
        double beta = h.decayRate(MOMENTUM);
        boolean nesterov = h.flag(NESTEROV);
        return new StatefulUpdater(1) {
            @Override
            void step(double[] theta, double[] g, double[][] state, double alpha) {
                double[] v = state[0];
                for (int k = 0; k < theta.length; k++) {
                    v[k] = beta * v[k] + (1 - beta) * g[k];
                    theta[k] -= alpha * (nesterov ? beta * v[k] + (1 - beta) * g[k] : v[k]);
                }
            }

            @Override
            void step(float[] theta, float[] g, float[][] state, double alpha) {
                float[] v = state[0];
                float b = (float) beta;
                float a = (float) alpha;
                for (int k = 0; k < theta.length; k++) {
                    v[k] = b * v[k] + (1 - b) * g[k];
                    theta[k] -= a * (nesterov ? b * v[k] + (1 - b) * g[k] : v[k]);
                }
            }
        };
    }
}
