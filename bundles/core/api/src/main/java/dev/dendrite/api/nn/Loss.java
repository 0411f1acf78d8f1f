package dev.dendrite.api.nn;

import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A loss L(a, y) between the network output A[L] and the targets Y, both (n[L], m), and its cost
 * J = (1/m)·Σ_samples L(a, y).
 *
 * <p>Register as a service with a {@code name} property. A loss may <em>fuse</em> with the
 * output activation whose derivative cancels against its own (sigmoid with binary
 * cross-entropy, softmax with categorical cross-entropy): then the trainer computes
 * dZ[L] = A[L] − Y directly and the cost from Z[L] without ever taking log(0).
 * Implementations are stateless and thread safe.
 */
@ConsumerType
public interface Loss {

    /** J = (1/m)·Σ L(a, y). Reads only; values of a outside the loss's domain are clipped. */
    double cost(Matrix a, Matrix y);

    /** dA = ∂L/∂a per sample (not divided by m). Reads {@code a}, {@code y}; writes {@code dA}. */
    void gradient(Matrix a, Matrix y, Matrix dA);

    /** Whether this loss fuses with the output activation of this name. */
    default boolean fusesWith(String activationName) {
        return false;
    }

    /**
     * The cost computed from the pre-activations Z[L] of the fused output activation, in a
     * numerically stable form. Only called when {@link #fusesWith} is true.
     */
    default double fusedCost(Matrix z, Matrix y) {
        throw new UnsupportedOperationException("this loss fuses with no activation");
    }

    /** dZ[L] = A[L] − Y, the fused gradient. Writes {@code dZ}. */
    default void fusedGradient(Matrix a, Matrix y, Matrix dZ) {
        double[] av = a.data();
        double[] yv = y.data();
        double[] dz = dZ.data();
        for (int i = 0; i < dz.length; i++) {
            dz[i] = av[i] - yv[i];
        }
    }
}
