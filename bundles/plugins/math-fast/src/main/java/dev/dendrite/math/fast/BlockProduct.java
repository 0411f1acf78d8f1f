package dev.dendrite.math.fast;

/**
 * Computes a block of a product: rows [i0, i1) and columns [j0, j1) of C = α·op(A)·op(B), or of
 * C += op(A)·op(B) when {@code accumulate} (α is then 1), with op(A) (n, k), op(B) (k, m), C
 * (n, m), all row-major, op(A) = Aᵀ when {@code transA} (A stored (k, n)), likewise B. Only that
 * block of C is written. {@link ProductThreads} deals the blocks of a product out to its threads.
 */
interface BlockProduct {

    void compute(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                 boolean accumulate, int i0, int i1, int j0, int j1);

    /** The same in single precision. */
    void compute(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                 boolean accumulate, int i0, int i1, int j0, int j1);

    /** Whether blocks of whole rows of C are all it can compute (else any rows and columns). */
    default boolean rowsOnly() {
        return false;
    }

    /** The Vector API kernels, {@link VectorProduct} and {@link FloatProduct}. */
    BlockProduct VECTOR = new BlockProduct() {
        @Override
        public void compute(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                            boolean accumulate, int i0, int i1, int j0, int j1) {
            VectorProduct.compute(transA, transB, n, m, k, alpha, a, b, c, accumulate, i0, i1, j0, j1);
        }

        @Override
        public void compute(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                            boolean accumulate, int i0, int i1, int j0, int j1) {
            FloatProduct.compute(transA, transB, n, m, k, alpha, a, b, c, accumulate, i0, i1, j0, j1);
        }
    };
}
