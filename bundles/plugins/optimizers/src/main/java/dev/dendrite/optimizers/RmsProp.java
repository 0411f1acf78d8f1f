package dev.dendrite.optimizers;

import static dev.dendrite.optimizers.Hyperparameters.EPSILON;
import static dev.dendrite.optimizers.Hyperparameters.RHO;
import static java.util.Map.entry;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import org.osgi.service.component.annotations.Component;

/**
 * RMSprop: s ← ρ·s + (1 − ρ)·g², θ ← θ − α·g/(√s + ε), element-wise. Hyperparameters:
 * default α = 0.001; rho ρ = 0.9 in [0, 1), epsilon ε = 1e-8 &gt; 0. s starts at 0.
 */
@Component(service = Optimizer.class, property = {
        "name=rmsprop",
        "description=RMSprop, steps scaled by a running root mean square of the gradients"})
public class RmsProp extends BaseOptimizer {

    public RmsProp() {
        super("rmsprop", 0.001, Hyperparameters.ordered(entry(RHO, 0.9), entry(EPSILON, 1e-8)));
    }

    @Override
    Updater create(Hyperparameters h) {
        double rho = h.decayRate(RHO);
        double epsilon = h.positive(EPSILON);
        return new StatefulUpdater(1) {
            @Override
            void step(double[] theta, double[] g, double[][] state, double alpha) {
                double[] s = state[0];
                for (int k = 0; k < theta.length; k++) {
                    s[k] = rho * s[k] + (1 - rho) * g[k] * g[k];
                    theta[k] -= alpha * g[k] / (Math.sqrt(s[k]) + epsilon);
                }
            }

            @Override
            void step(float[] theta, float[] g, float[][] state, double alpha) {
                float[] s = state[0];
                float r = (float) rho;
                float a = (float) alpha;
                float e = (float) epsilon;
                for (int k = 0; k < theta.length; k++) {
                    s[k] = r * s[k] + (1 - r) * g[k] * g[k];
                    theta[k] -= a * g[k] / ((float) Math.sqrt(s[k]) + e);
                }
            }
        };
    }
}
