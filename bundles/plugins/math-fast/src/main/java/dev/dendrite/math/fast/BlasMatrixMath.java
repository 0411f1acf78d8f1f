package dev.dendrite.math.fast;

import dev.dendrite.api.math.MatrixMath;
import dev.ludovic.netlib.blas.BLAS;
import org.osgi.service.component.annotations.Component;

/**
 * {@link MatrixMath} whose products are one BLAS {@code dgemm} call each, on the system's native
 * BLAS (OpenBLAS, which spreads a product over all cores) through netlib's JNI binding. BLAS is
 * column-major: a row-major (r, c) array is the column-major (c, r) transpose, so
 * C = op(A)·op(B) is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ, without copying ({@code sgemm} in single precision). Registered above EJML
 * ({@code service.ranking} 10) by {@link FastMathAvailability} only when the native library loads;
 * below {@code vector}, which trains faster here (bench/README.md): OpenBLAS's products are quicker
 * on hot operands, but not between the other steps of a training iteration.
 */
@Component(service = MatrixMath.class, enabled = false, property = {
        "name=blas",
        "description=the system's native BLAS (OpenBLAS, all cores) through netlib's JNI binding",
        "service.ranking:Integer=10"})
public final class BlasMatrixMath extends ProductMatrixMath {
    private final BLAS blas;

    /** On the native BLAS, which must be available ({@link NativeBlas#problem()} is null). */
    public BlasMatrixMath() {
        this(NativeBlas.instance());
    }

    /** On any netlib BLAS implementation (tests use the pure-Java one). */
    BlasMatrixMath(BLAS blas) {
        this.blas = blas;
    }

    @Override
    void product(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                 boolean accumulate) {
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", m, n, k, alpha, b, transB ? k : m, a, transA ? n : k,
                accumulate ? 1.0 : 0.0, c, m);
    }

    @Override
    void product(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                 boolean accumulate) {
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", m, n, k, alpha, b, transB ? k : m, a, transA ? n : k,
                accumulate ? 1.0f : 0.0f, c, m);
    }
}
