package dev.dendrite.math.fast;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A block of the product C = op(A)·op(B) (+ C) with the Vector API. C is computed in tiles of
 * {@link #MR} rows × {@link #NR} columns (NR = two vectors of the platform's preferred width: 16
 * doubles with AVX-512, 8 with AVX2) by a register-blocked micro-kernel: per step p of the inner
 * dimension it loads NR values of row p of op(B), broadcasts the MR values of column p of op(A)
 * and accumulates their outer product with fused multiply-adds into 2·MR vector registers. The
 * inner dimension is cut into blocks of at most {@link #KC} so that the tiles' operands stay in
 * cache. Both operands are read where they are, whatever their transposition, except op(B) = Bᵀ,
 * whose rows are not contiguous in memory: its panels of NR columns are copied first; edge tiles
 * (fewer than MR rows or NR columns) go through small zero-padded copies. Rows [i0, i1) ×
 * columns [j0, j1) of C are computed, so that threads can share a product. The copy buffers are
 * kept per thread: after the first call nothing is allocated.
 */
final class VectorProduct {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of a tile. */
    static final int MR = 6;
    /** Columns of a tile: two vectors. */
    static final int NR = 2 * LANES;
    /** The largest block of the inner dimension: a tile's slice of op(B) (KC × NR) stays in the L1 cache. */
    static final int KC = 256;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private VectorProduct() {
    }

    /** Doubles in the preferred vector: 8 with AVX-512, 4 with AVX2. */
    static int lanes() {
        return LANES;
    }

    /**
     * Rows [i0, i1) and columns [j0, j1) of C = α·op(A)·op(B), or C += op(A)·op(B) when
     * {@code accumulate}; shapes as in {@link ProductMatrixMath#product}. α is kept out of the micro-kernel
     * (whose vectors the compiler then boxes): a product with Bᵀ scales the copy of Bᵀ it makes
     * anyway; any other (without accumulation) scales its block of C right after computing it, while
     * it is still in this thread's cache.
     */
    static void compute(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                        boolean accumulate, int i0, int i1, int j0, int j1) {
        int blocks = (k + KC - 1) / KC;
        int kc = (k + blocks - 1) / blocks; // even blocks: 784 = 4 × 196 rather than 3 × 256 + 16
        int panels = (j1 - j0 + NR - 1) / NR;
        int edgeRow = i1 - (i1 - i0) % MR; // the first row of the partial tile row, or i1
        Buffers buffers = BUFFERS.get();
        double[] bCopy = buffers.b(transB ? panels * NR * kc : NR * kc);
        double[] aEdge = buffers.a(MR * kc);
        for (int p0 = 0; p0 < k; p0 += kc) {
            int depth = Math.min(kc, k - p0);
            boolean add = accumulate || p0 > 0;
            if (transB) {
                copyTransposedB(k, alpha, b, p0, depth, j0, j1, bCopy);
            }
            if (edgeRow < i1) {
                copyA(transA, n, k, a, p0, depth, edgeRow, i1 - edgeRow, aEdge);
            }
            for (int panel = 0; panel < panels; panel++) {
                int col = j0 + panel * NR;
                int cols = Math.min(NR, j1 - col);
                double[] bs = bCopy;
                int bo = 0;
                int ldb = NR;
                if (transB) {
                    bo = panel * NR * depth;
                } else if (cols == NR) {
                    bs = b;
                    bo = p0 * m + col;
                    ldb = m;
                } else {
                    copyB(m, b, p0, depth, col, cols, bCopy);
                }
                for (int row = i0; row < i1; row += MR) {
                    double[] as = aEdge;
                    int ao = 0;
                    int rowStep = 1;
                    int pStep = MR;
                    if (row < edgeRow) {
                        as = a;
                        ao = transA ? p0 * n + row : row * k + p0;
                        rowStep = transA ? 1 : k;
                        pStep = transA ? n : 1;
                    }
                    int rows = Math.min(MR, i1 - row);
                    if (rows == MR && cols == NR) {
                        kernel(depth, as, ao, rowStep, pStep, bs, bo, ldb, c, row * m + col, m, add);
                    } else {
                        double[] tile = buffers.tile;
                        kernel(depth, as, ao, rowStep, pStep, bs, bo, ldb, tile, 0, NR, false);
                        for (int r = 0; r < rows; r++) {
                            int to = r * NR;
                            int co = (row + r) * m + col;
                            for (int s = 0; s < cols; s++) {
                                c[co + s] = add ? c[co + s] + tile[to + s] : tile[to + s];
                            }
                        }
                    }
                }
            }
        }
        if (alpha != 1 && !transB) {
            if (accumulate) {
                throw new IllegalArgumentException("α ≠ 1 with accumulation is not supported");
            }
            for (int i = i0; i < i1; i++) {
                for (int j = i * m + j0, end = i * m + j1; j < end; j++) {
                    c[j] *= alpha;
                }
            }
        }
    }

    /**
     * Panels of NR columns of α·op(B) = α·Bᵀ (B stored (m, k)), rows p0 … p0+depth:
     * copy[p·NR + s] = α·B[j + s][p0 + p], zero-padded. A product with Bᵀ applies α here, to the
     * k·(j1−j0) values it copies anyway, rather than in a pass over the block of C.
     */
    private static void copyTransposedB(int k, double alpha, double[] b, int p0, int depth, int j0, int j1, double[] copy) {
        int o = 0;
        for (int j = j0; j < j1; j += NR) {
            int cols = Math.min(NR, j1 - j);
            for (int s = 0; s < NR; s++) {
                int src = (j + s) * k + p0;
                for (int p = 0; p < depth; p++) {
                    copy[o + p * NR + s] = s < cols ? alpha * b[src + p] : 0;
                }
            }
            o += depth * NR;
        }
    }

    /** The last, partial panel of op(B) = B: copy[p·NR + s] = B[p0 + p][col + s] for s &lt; cols, zero-padded. */
    private static void copyB(int m, double[] b, int p0, int depth, int col, int cols, double[] copy) {
        for (int p = 0; p < depth; p++) {
            System.arraycopy(b, (p0 + p) * m + col, copy, p * NR, cols);
            Arrays.fill(copy, p * NR + cols, (p + 1) * NR, 0);
        }
    }

    /** A partial tile row of op(A): copy[p·MR + r] = op(A)[row + r][p0 + p] for r &lt; rows, zero-padded. */
    private static void copyA(boolean transA, int n, int k, double[] a, int p0, int depth, int row, int rows, double[] copy) {
        for (int p = 0; p < depth; p++) {
            for (int r = 0; r < MR; r++) {
                copy[p * MR + r] = r >= rows ? 0 : transA ? a[(p0 + p) * n + row + r] : a[(row + r) * k + p0 + p];
            }
        }
    }

    /**
     * The MR×NR tile at c[co …] (row stride ldc) = (or +=) Σ_p a-column p ⊗ b-row p, where element
     * r of a-column p is a[ao + r·rowStep + p·pStep] and b-row p is b[bo + p·ldb …] (NR values).
     */
    private static void kernel(int depth, double[] a, int ao, int rowStep, int pStep, double[] b, int bo, int ldb,
                               double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int r1 = rowStep;
        int r2 = 2 * rowStep;
        int r3 = 3 * rowStep;
        int r4 = 4 * rowStep;
        int r5 = 5 * rowStep;
        for (int p = 0; p < depth; p++, ao += pStep, bo += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bo + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, a[ao + r1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, a[ao + r2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, a[ao + r3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, a[ao + r4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, a[ao + r5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        store(c00, c01, c, co, add);
        store(c10, c11, c, co + ldc, add);
        store(c20, c21, c, co + 2 * ldc, add);
        store(c30, c31, c, co + 3 * ldc, add);
        store(c40, c41, c, co + 4 * ldc, add);
        store(c50, c51, c, co + 5 * ldc, add);
    }

    private static void store(DoubleVector left, DoubleVector right, double[] c, int co, boolean add) {
        if (add) {
            left = left.add(DoubleVector.fromArray(SPECIES, c, co));
            right = right.add(DoubleVector.fromArray(SPECIES, c, co + LANES));
        }
        left.intoArray(c, co);
        right.intoArray(c, co + LANES);
    }

    /** One thread's copy buffers, grown on demand. */
    private static final class Buffers {
        private final double[] tile = new double[MR * NR];
        private double[] a = new double[0];
        private double[] b = new double[0];

        double[] a(int size) {
            if (a.length < size) {
                a = new double[size];
            }
            return a;
        }

        double[] b(int size) {
            if (b.length < size) {
                b = new double[size];
            }
            return b;
        }
    }
}
