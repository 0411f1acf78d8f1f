package dev.dendrite.losses;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Loss;
import org.osgi.service.component.annotations.Component;

/**
 * Mean squared error L(a, y) = (1/n[L])·Σ_k (a_k − y_k)² per sample, so J is the mean over all
 * n[L]·m elements; ∂L/∂a_k = (2/n[L])·(a_k − y_k). For regression with a {@code linear}
 * output; fuses with nothing.
 */
@Component(service = Loss.class, property = {
        "name=mse",
        "description=mean squared error, for regression outputs"})
public class MeanSquaredError implements Loss {

    @Override
    public double cost(Matrix a, Matrix y) {
        Losses.requireShapes("mse cost", y, a);
        double[] av = a.data();
        double[] yv = y.data();
        double sum = 0;
        for (int i = 0; i < av.length; i++) {
            double d = av[i] - yv[i];
            sum += d * d;
        }
        return sum / av.length;
    }

    @Override
    public void gradient(Matrix a, Matrix y, Matrix dA) {
        Losses.requireShapes("mse gradient", y, a, dA);
        double[] av = a.data();
        double[] yv = y.data();
        double[] out = dA.data();
        double factor = 2.0 / a.rows();
        for (int i = 0; i < av.length; i++) {
            out[i] = factor * (av[i] - yv[i]);
        }
    }
}
