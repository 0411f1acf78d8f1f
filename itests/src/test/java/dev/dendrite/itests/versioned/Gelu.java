package dev.dendrite.itests.versioned;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;

/**
 * GELU in its tanh form, g(z) = z/2·(1 + tanh u), u = √(2/π)·(z + 0.044715·z³), packed by
 * {@link dev.dendrite.itests.TestBundles} into the test plug-in bundles {@code org.example.gelu}
 * 1.0.0 and 1.1.0 (the same code: the bundles differ by version only).
 */
public final class Gelu implements Activation {
    private static final double C = Math.sqrt(2 / Math.PI);
    private static final double K = 0.044715;

    @Override
    public void forward(Matrix z, Matrix a) {
        double[] zv = z.data();
        double[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = 0.5 * zv[i] * (1 + Math.tanh(C * (zv[i] + K * zv[i] * zv[i] * zv[i])));
        }
    }

    /** g'(z) = (1 + tanh u)/2 + z/2·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715·z²). */
    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        double[] zv = z.data();
        double[] da = dA.data();
        double[] dz = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            double x = zv[i];
            double t = Math.tanh(C * (x + K * x * x * x));
            dz[i] = da[i] * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * K * x * x));
        }
    }

    @Override
    public String initializer() {
        return "he";
    }
}
