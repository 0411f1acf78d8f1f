package dev.dendrite.api.nn;

import dev.dendrite.api.math.Matrix;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only view of one training iteration's forward and backward propagation, as the trainer
 * computed it, for listeners that show the maths (e.g. {@code ml:trace}). Layer indices run
 * 1 … L as in the notation; the matrices are the trainer's live buffers, valid only during the
 * callback: copy what you keep, modify nothing.
 */
@ProviderType
public interface Propagation {

    /** L. */
    int layers();

    /** A[0] = X of the batch, (n[0], m). */
    Matrix input();

    /** Y of the batch, (n[L], m). */
    Matrix targets();

    /** W[l] (n[l], n[l-1]): before the update in {@code backpropagated}, after it in {@code updated}. */
    Matrix weights(int l);

    /** b[l] (n[l], 1). */
    Matrix bias(int l);

    /** Z[l] = W[l]·A[l-1] + b[l], (n[l], m). */
    Matrix z(int l);

    /** A[l] = g[l](Z[l]), (n[l], m). */
    Matrix a(int l);

    /**
     * dA[l] = ∂L/∂A[l] per sample, (n[l], m); for l = L only when the loss is not fused with the
     * output activation (otherwise dZ[L] = A[L] − Y is computed directly).
     */
    Matrix dA(int l);

    /** dZ[l] = dA[l] ⊙ g'(Z[l]), (n[l], m). */
    Matrix dZ(int l);

    /** dW[l] = (1/m)·dZ[l]·A[l-1]ᵀ (+ (λ/m)·W[l] with L2). */
    Matrix weightGradient(int l);

    /** db[l] = (1/m)·Σ_columns dZ[l]. */
    Matrix biasGradient(int l);

    /** The name of g[l]. */
    String activation(int l);

    /** Whether dZ[L] came from the fused loss (A[L] − Y). */
    boolean fused();

    /** J on this batch (with the L2 term when λ &gt; 0). */
    double cost();

    /** α of this iteration. */
    double learningRate();
}
