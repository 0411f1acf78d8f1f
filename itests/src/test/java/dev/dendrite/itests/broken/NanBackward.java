package dev.dendrite.itests.broken;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;

/** tanh whose backward writes one NaN into dZ from its call {@code from} on (counted over every run). */
public final class NanBackward implements Activation {
    private final int from;
    private int calls;

    public NanBackward(int from) {
        this.from = from;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Tanh.forward(z, a);
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        Tanh.backward(a, dA, dZ);
        if (++calls >= from) {
            dZ.data()[0] = Double.NaN;
        }
    }
}
