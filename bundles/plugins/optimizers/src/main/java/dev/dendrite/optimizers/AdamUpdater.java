package dev.dendrite.optimizers;

import static dev.dendrite.optimizers.Hyperparameters.BETA1;
import static dev.dendrite.optimizers.Hyperparameters.BETA2;
import static dev.dendrite.optimizers.Hyperparameters.EPSILON;

/**
 * The Adam step with optional decoupled weight decay λ (AdamW), at step t = 1, 2, …:
 * m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t),
 * θ ← θ − α·λ·θ − α·m̂/(√v̂ + ε), where both terms use θ before the step. λ = 0 is Adam.
 * The decay applies to every parameter, biases included.
 */
final class AdamUpdater extends StatefulUpdater {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private int t;
    private double correction1;
    private double correction2;

    private AdamUpdater(double beta1, double beta2, double epsilon, double weightDecay) {
        super(2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** An updater reading beta1, beta2 and epsilon from {@code h}. */
    static AdamUpdater from(Hyperparameters h, double weightDecay) {
        return new AdamUpdater(h.decayRate(BETA1), h.decayRate(BETA2), h.positive(EPSILON), weightDecay);
    }

    @Override
    void beginIteration() {
        t++;
        correction1 = 1 - Math.pow(beta1, t);
        correction2 = 1 - Math.pow(beta2, t);
    }

    @Override
    void step(double[] theta, double[] g, double[][] state, double alpha) {
        double[] m = state[0];
        double[] v = state[1];
        for (int k = 0; k < theta.length; k++) {
            m[k] = beta1 * m[k] + (1 - beta1) * g[k];
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
            double mHat = m[k] / correction1;
            double vHat = v[k] / correction2;
            theta[k] -= alpha * (weightDecay * theta[k] + mHat / (Math.sqrt(vHat) + epsilon));
        }
    }

    /** The same step in float, 1/(1 − β^t) applied as factors. */
    @Override
    void step(float[] theta, float[] g, float[][] state, double alpha) {
        float[] m = state[0];
        float[] v = state[1];
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 / correction1);
        float c2 = (float) (1 / correction2);
        float e = (float) epsilon;
        float a = (float) alpha;
        float decay = (float) weightDecay;
        for (int k = 0; k < theta.length; k++) {
            m[k] = b1 * m[k] + (1 - b1) * g[k];
            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
            theta[k] -= a * (decay * theta[k] + m[k] * c1 / ((float) Math.sqrt(v[k] * c2) + e));
        }
    }
}
