package dev.dendrite.optimizers;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Plain gradient descent θ ← θ − α·g. Default α = 0.1; no other hyperparameter, no state. */
@Component(service = Optimizer.class, property = {
        "name=sgd",
        "description=gradient descent, theta -= lr * g"})
public class Sgd extends BaseOptimizer {

    public Sgd() {
        super("sgd", 0.1, Map.of());
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

            @Override
            void step(float[] theta, float[] g, float[][] state, double alpha) {
                float a = (float) alpha;
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= a * g[k];
                }
            }
        };
    }
}
