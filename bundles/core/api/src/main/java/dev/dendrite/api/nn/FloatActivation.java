package dev.dendrite.api.nn;

import dev.dendrite.api.math.FloatMatrix;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link Activation} that also computes in single precision. Optional: in a float32 run the
 * trainer calls these methods when the activation offers them, and otherwise runs the double
 * methods on converted copies (slower, same results to float rounding), so an activation written
 * for double works at both precisions. The contract is that of the double methods.
 *
 * @since 1.2
 */
@ConsumerType
public interface FloatActivation extends Activation {

    /** A = g(Z), as {@link #forward(dev.dendrite.api.math.Matrix, dev.dendrite.api.math.Matrix)}. */
    void forward(FloatMatrix z, FloatMatrix a);

    /** dZ = dA ⊙ g'(Z) (or the Jacobian-vector product), as the double {@link Activation#backward}; {@code dZ} may be {@code dA}. */
    void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ);
}
