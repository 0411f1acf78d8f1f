package dev.dendrite.losses;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Loss;
import org.osgi.service.component.annotations.Component;

/**
 * Categorical cross-entropy L(a, y) = −Σ_rows y·log a for a column of class probabilities a and
 * one-hot (or distribution) targets y, with a clipped into [1e-12, 1 − 1e-12]; ∂L/∂a = −y/a.
 * Fuses with {@code softmax}: dZ = A − Y, and from z the stable form
 * L = −Σ_rows y·(z − logsumexp(z)) with logsumexp(z) = max z + log Σ e^(z − max z).
 */
@Component(service = Loss.class, property = {
        "name=categorical_crossentropy",
        "description=categorical cross-entropy over the classes of a column; fuses with softmax"})
public class CategoricalCrossEntropy implements Loss {

    @Override
    public double cost(Matrix a, Matrix y) {
        Losses.requireShapes("categorical_crossentropy cost", y, a);
        double[] av = a.data();
        double[] yv = y.data();
        double sum = 0;
        for (int i = 0; i < av.length; i++) {
            sum -= yv[i] * Math.log(Losses.clip(av[i]));
        }
        return sum / a.cols();
    }

    @Override
    public void gradient(Matrix a, Matrix y, Matrix dA) {
        Losses.requireShapes("categorical_crossentropy gradient", y, a, dA);
        double[] av = a.data();
        double[] yv = y.data();
        double[] out = dA.data();
        for (int i = 0; i < av.length; i++) {
            out[i] = -yv[i] / Losses.clip(av[i]);
        }
    }

    @Override
    public boolean fusesWith(String activationName) {
        return "softmax".equals(activationName);
    }

    @Override
    public double fusedCost(Matrix z, Matrix y) {
        Losses.requireShapes("categorical_crossentropy fusedCost", y, z);
        int m = z.cols();
        double[] zv = z.data();
        double[] yv = y.data();
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = j; i < zv.length; i += m) {
                max = Math.max(max, zv[i]);
            }
            double exps = 0;
            for (int i = j; i < zv.length; i += m) {
                exps += Math.exp(zv[i] - max);
            }
            double logSumExp = max + Math.log(exps);
            for (int i = j; i < zv.length; i += m) {
                sum -= yv[i] * (zv[i] - logSumExp);
            }
        }
        return sum / m;
    }
}
