package org.example.lion;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), per parameter θ with
 * gradient g and momentum m (starting at 0):
 * c = β1·m + (1 − β1)·g;  θ ← θ − α·(sign(c) + λ·θ);  m ← β2·m + (1 − β2)·g.
 * The service is stateless; each run gets its own {@link Updater} holding m.
 */
@Component(property = {"name=lion", "description=sign of interpolated momentum, Chen et al. 2023 (example plug-in)"})
public final class Lion implements Optimizer {

    @Override
    public double defaultLearningRate() {
        return 1e-3;
    }

    @Override
    public Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("beta1", 0.9);
        d.put("beta2", 0.99);
        d.put("weight_decay", 0.0);
        return d;
    }

    @Override
    public Updater newUpdater(Map<String, Double> h) {
        double beta1 = inUnitInterval(h, "beta1");
        double beta2 = inUnitInterval(h, "beta2");
        double decay = h.get("weight_decay");
        if (decay < 0) {
            throw new IllegalArgumentException("lion: weight_decay must be >= 0, got " + decay);
        }
        return new LionUpdater(beta1, beta2, decay);
    }

    private static double inUnitInterval(Map<String, Double> h, String key) {
        double v = h.get(key);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("lion: " + key + " must be in [0, 1), got " + v);
        }
        return v;
    }

    /** The momentum of one run, one array per parameter, allocated on the first update. */
    private static final class LionUpdater implements Updater {
        private final double beta1;
        private final double beta2;
        private final double decay;
        private double[][] momentum;

        LionUpdater(double beta1, double beta2, double decay) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.decay = decay;
        }

        @Override
        public void update(Matrix[] params, Matrix[] grads, double lr) {
            if (momentum == null) {
                momentum = new double[params.length][];
                for (int p = 0; p < params.length; p++) {
                    momentum[p] = new double[params[p].data().length];
                }
            }
            for (int p = 0; p < params.length; p++) {
                double[] theta = params[p].data();
                double[] g = grads[p].data();
                double[] m = momentum[p];
                for (int i = 0; i < theta.length; i++) {
                    double c = beta1 * m[i] + (1 - beta1) * g[i];
                    theta[i] -= lr * (Math.signum(c) + decay * theta[i]);
                    m[i] = beta2 * m[i] + (1 - beta2) * g[i];
                }
            }
        }
    }
}
