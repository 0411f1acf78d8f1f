package dev.dendrite.losses;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Loss;
import org.osgi.service.component.annotations.Component;

/**
 * Binary cross-entropy L(a, y) = −Σ_rows (y·log a + (1 − y)·log(1 − a)), with a clipped into
 * [1e-12, 1 − 1e-12]; ∂L/∂a = (a − y)/(a·(1 − a)). Every output row is an independent yes/no
 * probability. Fuses with {@code sigmoid}: dZ = A − Y and, from z, the stable per-element form
 * max(z, 0) − z·y + log(1 + e^−|z|), which never takes log(0) or overflows.
 */
@Component(service = Loss.class, property = {
        "name=binary_crossentropy",
        "description=binary cross-entropy, one probability per output row; fuses with sigmoid"})
public class BinaryCrossEntropy implements Loss {

    @Override
    public double cost(Matrix a, Matrix y) {
        Losses.requireShapes("binary_crossentropy cost", y, a);
        double[] av = a.data();
        double[] yv = y.data();
        double sum = 0;
        for (int i = 0; i < av.length; i++) {
            double p = Losses.clip(av[i]);
            sum -= yv[i] * Math.log(p) + (1 - yv[i]) * Math.log1p(-p);
        }
        return sum / a.cols();
    }

    @Override
    public void gradient(Matrix a, Matrix y, Matrix dA) {
        Losses.requireShapes("binary_crossentropy gradient", y, a, dA);
        double[] av = a.data();
        double[] yv = y.data();
        double[] out = dA.data();
        for (int i = 0; i < av.length; i++) {
            double p = Losses.clip(av[i]);
            out[i] = (p - yv[i]) / (p * (1 - p));
        }
    }

    @Override
    public boolean fusesWith(String activationName) {
        return "sigmoid".equals(activationName);
    }

    @Override
    public double fusedCost(Matrix z, Matrix y) {
        Losses.requireShapes("binary_crossentropy fusedCost", y, z);
        double[] zv = z.data();
        double[] yv = y.data();
        double sum = 0;
        for (int i = 0; i < zv.length; i++) {
            double zi = zv[i];
            sum += Math.max(zi, 0) - zi * yv[i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return sum / z.cols();
    }
}
