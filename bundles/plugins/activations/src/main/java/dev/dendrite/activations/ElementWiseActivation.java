package dev.dendrite.activations;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.FloatActivation;

/**
 * An activation applied to each element on its own: A = g(Z) and dZ = dA ⊙ g'(Z). Subclasses
 * give g and g'; g' may use the cached a = g(z) when that is cheaper (sigmoid, tanh). In single
 * precision g and g' are evaluated in double and rounded. A subclass may replace the loops with
 * faster ones of its own (here the call to g or g' per element is virtual once several
 * activations have run in one JVM, which keeps the compiler from vectorizing the loop).
 */
abstract class ElementWiseActivation implements FloatActivation {

    /** g(z). */
    abstract double value(double z);

    /** g'(z), given z and a = g(z). */
    abstract double derivative(double z, double a);

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a, "activation forward");
        double[] zv = z.data();
        double[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = value(zv[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        z.requireSameShape(a, "activation backward");
        z.requireSameShape(dA, "activation backward");
        z.requireSameShape(dZ, "activation backward");
        double[] zv = z.data();
        double[] av = a.data();
        double[] up = dA.data();
        double[] out = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            out[i] = up[i] * derivative(zv[i], av[i]);
        }
    }

    @Override
    public void forward(FloatMatrix z, FloatMatrix a) {
        z.requireSameShape(a, "activation forward");
        float[] zv = z.data();
        float[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = (float) value(zv[i]);
        }
    }

    @Override
    public void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
        z.requireSameShape(a, "activation backward");
        z.requireSameShape(dA, "activation backward");
        z.requireSameShape(dZ, "activation backward");
        float[] zv = z.data();
        float[] av = a.data();
        float[] up = dA.data();
        float[] out = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            out[i] = (float) (up[i] * derivative(zv[i], av[i]));
        }
    }
}
