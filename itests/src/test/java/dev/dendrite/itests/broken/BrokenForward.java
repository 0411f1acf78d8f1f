package dev.dendrite.itests.broken;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;

/** tanh whose forward throws from its call {@code from} on (counted over every run), as a faulty plug-in does. */
public final class BrokenForward implements Activation {
    private final int from;
    private int calls;

    public BrokenForward(int from) {
        this.from = from;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        if (++calls >= from) {
            throw new IllegalStateException("forward is broken on purpose");
        }
        Tanh.forward(z, a);
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        Tanh.backward(a, dA, dZ);
    }
}
