package org.example.swish;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/**
 * Swish (Ramachandran et al. 2017): g(z) = z·σ(z), g'(z) = σ(z) + z·σ(z)·(1 − σ(z)).
 * Stateless, so one instance serves every run.
 */
@Component(property = {"name=swish", "description=z·sigmoid(z) (example plug-in)"})
public final class Swish implements Activation {

    @Override
    public void forward(Matrix z, Matrix a) {
        double[] zv = z.data();
        double[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = zv[i] * sigmoid(zv[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        double[] zv = z.data();
        double[] da = dA.data();
        double[] dz = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            double s = sigmoid(zv[i]);
            dz[i] = da[i] * (s + zv[i] * s * (1 - s));
        }
    }

    @Override
    public String initializer() {
        return "he";
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
