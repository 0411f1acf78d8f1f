package dev.dendrite.activations;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.ElementWise;

/**
 * An activation applied to each element on its own: A = g(Z) and dZ = dA ⊙ g'(Z). Subclasses
 * give g and g'; g' may use the cached a = g(z) when that is cheaper (sigmoid, tanh). In single
 * precision g and g' are evaluated in double and rounded. The whole-matrix methods run the range
 * methods of {@link ElementWise} on all elements, so that the network may also run them in a
 * product's epilogue. A subclass may replace the range loops with faster ones of its own (here
 * the call to g or g' per element is virtual once several activations have run in one JVM, which
 * keeps the compiler from vectorizing the loop).
 */
abstract class ElementWiseActivation implements ElementWise {

    /** g(z). */
    abstract double value(double z);

    /** g'(z), given z and a = g(z). */
    abstract double derivative(double z, double a);

    @Override
    public final void forward(Matrix z, Matrix a) {
        z.requireSameShape(a, "activation forward");
        forward(z.data(), a.data(), 0, z.data().length);
    }

    @Override
    public final void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        z.requireSameShape(a, "activation backward");
        z.requireSameShape(dA, "activation backward");
        z.requireSameShape(dZ, "activation backward");
        backward(z.data(), a.data(), dA.data(), dZ.data(), 0, z.data().length);
    }

    @Override
    public final void forward(FloatMatrix z, FloatMatrix a) {
        z.requireSameShape(a, "activation forward");
        forward(z.data(), a.data(), 0, z.data().length);
    }

    @Override
    public final void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
        z.requireSameShape(a, "activation backward");
        z.requireSameShape(dA, "activation backward");
        z.requireSameShape(dZ, "activation backward");
        backward(z.data(), a.data(), dA.data(), dZ.data(), 0, z.data().length);
    }

    @Override
    public void forward(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = value(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] dA, double[] dZ, int from, int to) {
        for (int i = from; i < to; i++) {
            dZ[i] = dA[i] * derivative(z[i], a[i]);
        }
    }

    @Override
    public void forward(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = (float) value(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] a, float[] dA, float[] dZ, int from, int to) {
        for (int i = from; i < to; i++) {
            dZ[i] = (float) (dA[i] * derivative(z[i], a[i]));
        }
    }
}
