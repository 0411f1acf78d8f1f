package dev.dendrite.math.fast;

import dev.dendrite.api.math.Epilogue;
import dev.dendrite.api.math.MatrixMath;
import dev.ludovic.netlib.blas.BLAS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@link MatrixMath} whose products are BLAS {@code dgemm} calls ({@code sgemm} in single
 * precision) on the system's native BLAS (OpenBLAS) through netlib's JNI binding. BLAS is
 * column-major: a row-major (r, c) array is the column-major (c, r) transpose, so
 * C = op(A)·op(B) is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ, without copying, and a block of whole rows
 * of C is the same call on offsets into A and C.
 *
 * <p>Who spreads a product over the cores. OpenBLAS cuts a product into fixed parts, one per
 * thread, so a product waits for its slowest thread: on a machine whose cores other programs use
 * too, a thread descheduled for a time slice stalls every product, and its threads spin for up to
 * 75 ms after each call, taking a core from everything else. That made this back-end's epochs vary
 * by 2× (bench/README.md). When OpenBLAS runs one thread per call ({@code OPENBLAS_NUM_THREADS=1},
 * as {@code ./dendrite} starts it), the products are shared by {@link ProductThreads} instead,
 * blocks of rows dealt out to whichever thread is free, as the {@code vector} back-end shares its
 * own; otherwise each product is one call and OpenBLAS splits it. Products with A transposed
 * (dA[l-1] = W[l]ᵀ·dZ[l]) stay one call: netlib's binding checks that an operand's last column
 * fits whole in its array, which a block of op(A)ᵀ's rows does not.
 *
 * <p>Registered above EJML ({@code service.ranking} 10) by {@link FastMathAvailability} only when
 * the native library loads; below {@code vector}, which trains faster here.
 */
@Component(service = MatrixMath.class, enabled = false, property = {
        "name=blas",
        "description=the system's native BLAS (OpenBLAS, all cores) through netlib's JNI binding",
        "service.ranking:Integer=10"})
public final class BlasMatrixMath extends ProductMatrixMath implements AutoCloseable {
    private final Blocks blocks;
    /** Null when each product is one BLAS call (OpenBLAS's own threads). */
    private final ProductThreads threads;

    /** On the native BLAS, which must be available ({@link NativeBlas#problem()} is null). */
    public BlasMatrixMath() {
        this(NativeBlas.instance(), NativeBlas.singleThreaded() ? Runtime.getRuntime().availableProcessors() : 1);
    }

    /**
     * On any netlib BLAS implementation (tests use the pure-Java one), its products shared by
     * {@code threads} threads (1: each product is one call).
     */
    BlasMatrixMath(BLAS blas, int threads) {
        this.blocks = new Blocks(blas);
        this.threads = threads > 1 ? new ProductThreads(threads, "dendrite-blas", blocks) : null;
    }

    @Override
    void product(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                 boolean accumulate, Epilogue then) {
        if (threads != null && !transA) {
            threads.product(transA, transB, n, m, k, alpha, a, b, c, accumulate, then);
        } else {
            blocks.compute(transA, transB, n, m, k, alpha, a, b, c, accumulate, 0, n, 0, m);
            if (then != null) {
                then.apply(0, n * m);
            }
        }
    }

    @Override
    void product(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                 boolean accumulate, Epilogue then) {
        if (threads != null && !transA) {
            threads.product(transA, transB, n, m, k, alpha, a, b, c, accumulate, then);
        } else {
            blocks.compute(transA, transB, n, m, k, alpha, a, b, c, accumulate, 0, n, 0, m);
            if (then != null) {
                then.apply(0, n * m);
            }
        }
    }

    /** Stops the worker threads, if any. */
    @Deactivate
    @Override
    public void close() {
        if (threads != null) {
            threads.close();
        }
    }

    /**
     * Rows [i0, i1) of C (all its columns) as one gemm call: columns i0 … i1 of Cᵀ, from column i0
     * of op(A)ᵀ (offset i0·k; A not transposed) and all of op(B)ᵀ.
     */
    private record Blocks(BLAS blas) implements BlockProduct {

        @Override
        public boolean rowsOnly() {
            return true;
        }

        @Override
        public void compute(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                            boolean accumulate, int i0, int i1, int j0, int j1) {
            blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", m, i1 - i0, k, alpha, b, 0, transB ? k : m,
                    a, transA ? i0 : i0 * k, transA ? n : k, accumulate ? 1.0 : 0.0, c, i0 * m, m);
        }

        @Override
        public void compute(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                            boolean accumulate, int i0, int i1, int j0, int j1) {
            blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", m, i1 - i0, k, alpha, b, 0, transB ? k : m,
                    a, transA ? i0 : i0 * k, transA ? n : k, accumulate ? 1.0f : 0.0f, c, i0 * m, m);
        }
    }
}
