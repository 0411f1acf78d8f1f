package dev.dendrite.api.math;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The heavy linear algebra of a network, provided as a service by a maths back-end.
 *
 * <p>Operations follow EJML's style: inputs first, the output argument last; only the output
 * is modified and it must already have the right shape (nothing is allocated). The output must
 * not be one of the inputs unless stated. Implementations are stateless and thread safe.
 *
 * <p>Service properties: {@code name} (e.g. {@code ejml}); among several back-ends the highest
 * {@code service.ranking} is used unless a run asks for one by name.
 */
@ConsumerType
public interface MatrixMath {

    /** C = A·B, with A (n, k), B (k, m), C (n, m). */
    void mult(Matrix a, Matrix b, Matrix c);

    /** C = Aᵀ·B, with A (k, n), B (k, m), C (n, m). */
    void multTransA(Matrix a, Matrix b, Matrix c);

    /** C = A·Bᵀ, with A (n, k), B (m, k), C (n, m). */
    void multTransB(Matrix a, Matrix b, Matrix c);

    /**
     * Z = W·A + b, the affine step of a layer: W (n, k), A (k, m), b (n, 1) broadcast across the
     * m columns, Z (n, m).
     */
    default void affine(Matrix w, Matrix a, Matrix b, Matrix z) {
        mult(w, a, z);
        addColumnVector(b, z);
    }

    /** A[i][j] += v[i] for every column j: v (n, 1), A (n, m). A is modified. */
    void addColumnVector(Matrix v, Matrix a);

    /** s[i] = α·Σ_j A[i][j]: the scaled sum across columns. A (n, m), s (n, 1). */
    void sumColumns(double alpha, Matrix a, Matrix s);

    /** Y = Y + α·X, same shapes. Y is modified. */
    void addScaled(double alpha, Matrix x, Matrix y);

    /** A = α·A. A is modified. */
    void scale(double alpha, Matrix a);
}
