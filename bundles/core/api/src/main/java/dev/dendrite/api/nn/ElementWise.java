package dev.dendrite.api.nn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link Activation} computed element by element (A = g(Z), dZ = dA ⊙ g'(Z)), offered on a
 * range of elements, at both precisions. Optional: the network runs an activation that offers it
 * in the epilogue of the product that computes Z (forward) or dA (backward), on each part of the
 * result while it is still in the computing thread's cache (see
 * {@link dev.dendrite.api.math.Epilogue}); an activation without it is called on whole matrices
 * after the product, as before. The methods may be called from several threads at once, on
 * disjoint ranges. The contract is that of {@link Activation} (and {@link FloatActivation}),
 * restricted to the elements [from, to) of the row-major arrays, which all have the same shape.
 *
 * @since 1.3
 */
@ConsumerType
public interface ElementWise extends FloatActivation {

    /** a[i] = g(z[i]) for i in [from, to). */
    void forward(double[] z, double[] a, int from, int to);

    /** dZ[i] = dA[i]·g'(z[i]) for i in [from, to), with a = g(z) the forward cache; {@code dZ} may be {@code dA}. */
    void backward(double[] z, double[] a, double[] dA, double[] dZ, int from, int to);

    /** The same as {@link #forward(double[], double[], int, int)} in single precision. */
    void forward(float[] z, float[] a, int from, int to);

    /** The same as {@link #backward(double[], double[], double[], double[], int, int)} in single precision. */
    void backward(float[] z, float[] a, float[] dA, float[] dZ, int from, int to);
}
