package ${package};

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Adagrad (Duchi et al. 2011), per parameter θ with gradient g and sum of squares s (starting
 * at 0): s ← s + g²;  θ ← θ − α·g / (√s + ε). Replace the update with yours. The service is
 * stateless; each run gets its own {@link Updater}, which holds s.
 */
@Component(property = {"name=${pluginName}", "description=Adagrad: per-parameter rates from the sum of squared gradients"})
public final class ${classPrefix}Optimizer implements Optimizer {

    @Override
    public double defaultLearningRate() {
        return 0.1;
    }

    /** Every hyperparameter but the learning rate, with its default. */
    @Override
    public Map<String, Double> defaults() {
        return Map.of("epsilon", 1e-8);
    }

    @Override
    public Updater newUpdater(Map<String, Double> h) {
        double epsilon = h.get("epsilon");
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("${pluginName}: epsilon must be >= 0, got " + epsilon);
        }
        return new SumOfSquares(epsilon);
    }

    /** The state of one run: one array of s per parameter matrix, allocated on the first update. */
    private static final class SumOfSquares implements Updater {
        private final double epsilon;
        private double[][] squares;

        SumOfSquares(double epsilon) {
            this.epsilon = epsilon;
        }

        @Override
        public void update(Matrix[] params, Matrix[] grads, double learningRate) {
            if (squares == null) {
                squares = new double[params.length][];
                for (int p = 0; p < params.length; p++) {
                    squares[p] = new double[params[p].data().length];
                }
            }
            for (int p = 0; p < params.length; p++) {
                double[] theta = params[p].data();
                double[] g = grads[p].data();
                double[] s = squares[p];
                for (int i = 0; i < theta.length; i++) {
                    s[i] += g[i] * g[i];
                    theta[i] -= learningRate * g[i] / (Math.sqrt(s[i]) + epsilon);
                }
            }
        }
    }
}
