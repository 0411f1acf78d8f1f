package dev.dendrite.api.nn;

import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An activation function g applied to a layer's pre-activations Z (n, m), one column a sample.
 *
 * <p>Register as a service with a {@code name} property (e.g. {@code relu}); optional
 * {@code description} and {@code service.ranking}. Implementations hold no per-run state and
 * must be thread safe: one instance serves every run.
 */
@ConsumerType
public interface Activation {

    /** A = g(Z). Reads {@code z}, writes {@code a} (same shape). */
    void forward(Matrix z, Matrix a);

    /**
     * dZ = dA ⊙ g'(Z) for element-wise functions; for functions of a whole column (softmax) the
     * Jacobian-vector product dZ = J_g(Z)ᵀ·dA per column. Reads {@code z}, {@code a} = g(z) (the
     * forward cache) and {@code dA}; writes {@code dZ}. All four have the same shape; {@code dZ}
     * may be the same object as {@code dA}.
     */
    void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ);

    /**
     * The weight initialization that suits this function: {@code he} (variance 2/n[l-1], for
     * ReLU-like functions) or {@code xavier} (variance 1/n[l-1], for saturating ones).
     */
    default String initializer() {
        return "xavier";
    }
}
