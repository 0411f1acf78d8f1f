package dev.dendrite.itests.broken;

import dev.dendrite.api.math.Matrix;

/** The maths of tanh, for the broken activations that are tanh until they fail. */
public final class Tanh {

    private Tanh() {
    }

    /** A = tanh(Z). */
    static void forward(Matrix z, Matrix a) {
        double[] in = z.data();
        double[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.tanh(in[i]);
        }
    }

    /** dZ = dA ⊙ (1 − A²). */
    static void backward(Matrix a, Matrix dA, Matrix dZ) {
        double[] av = a.data();
        double[] d = dA.data();
        double[] out = dZ.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] * (1 - av[i] * av[i]);
        }
    }
}
