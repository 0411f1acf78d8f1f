package dev.dendrite.api.math;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The heavy linear algebra of a network, provided as a service by a maths back-end.
 *
 * <p>Operations follow EJML's style: inputs first, the output argument last; only the output
 * is modified and it must already have the right shape (nothing is allocated). A back-end must
 * implement the three products; the element-wise operations have plain-loop defaults it may
 * replace. Each product and the affine step also come in single precision ({@link FloatMatrix},
 * since 1.1), with plain-loop defaults that a back-end replaces with its fast ones, and A·Bᵀ
 * comes scaled (α·A·Bᵀ, since 1.1), which a back-end may fold into its product. The affine step
 * and Aᵀ·B also come with an {@link Epilogue} (since 1.2): element-wise work that a back-end may
 * run on each part of the result as its thread finishes it. The output must
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
     * C = α·A·Bᵀ, shapes as {@link #multTransB(Matrix, Matrix, Matrix)}: the weight gradient
     * dW = (1/m)·dZ·A[l-1]ᵀ in one pass over dW. The default scales after the product; a back-end
     * may apply α as it stores C.
     *
     * @since 1.1
     */
    default void multTransB(double alpha, Matrix a, Matrix b, Matrix c) {
        multTransB(a, b, c);
        if (alpha != 1) {
            scale(alpha, c);
        }
    }

    /**
     * Z = W·A + b, the affine step of a layer: W (n, k), A (k, m), b (n, 1) broadcast across the
     * m columns, Z (n, m).
     */
    default void affine(Matrix w, Matrix a, Matrix b, Matrix z) {
        mult(w, a, z);
        addColumnVector(b, z);
    }

    /** A[i][j] += v[i] for every column j: v (n, 1), A (n, m). A is modified. */
    default void addColumnVector(Matrix v, Matrix a) {
        if (!v.hasShape(a.rows(), 1)) {
            throw new IllegalArgumentException("addColumnVector: vector " + v.shape() + " does not fit matrix " + a.shape());
        }
        int m = a.cols();
        double[] vv = v.data();
        double[] av = a.data();
        for (int i = 0; i < vv.length; i++) {
            double bias = vv[i];
            for (int k = i * m, end = k + m; k < end; k++) {
                av[k] += bias;
            }
        }
    }

    /**
     * s[i] = α·Σ_j A[i][j]: the scaled sum across columns. A (n, m), s (n, 1). The default keeps
     * four partial sums a row, so that its additions overlap instead of waiting for one another.
     */
    default void sumColumns(double alpha, Matrix a, Matrix s) {
        if (!s.hasShape(a.rows(), 1)) {
            throw new IllegalArgumentException("sumColumns: output " + s.shape() + " does not fit matrix " + a.shape());
        }
        int m = a.cols();
        double[] av = a.data();
        double[] sv = s.data();
        for (int i = 0; i < sv.length; i++) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = i * m;
            int end = k + m;
            for (; k + 3 < end; k += 4) {
                s0 += av[k];
                s1 += av[k + 1];
                s2 += av[k + 2];
                s3 += av[k + 3];
            }
            for (; k < end; k++) {
                s0 += av[k];
            }
            sv[i] = alpha * ((s0 + s1) + (s2 + s3));
        }
    }

    /**
     * Z = W·A + b, then {@code then} on all of Z. The default runs the two one after the other; a
     * back-end that shares the product between threads runs {@code then} on each part of Z as its
     * thread finishes it (see {@link Epilogue}).
     *
     * @since 1.2
     */
    default void affine(Matrix w, Matrix a, Matrix b, Matrix z, Epilogue then) {
        affine(w, a, b, z);
        then.apply(0, z.rows() * z.cols());
    }

    /**
     * C = Aᵀ·B, then {@code then} on all of C, as {@link #affine(Matrix, Matrix, Matrix, Matrix, Epilogue)}.
     *
     * @since 1.2
     */
    default void multTransA(Matrix a, Matrix b, Matrix c, Epilogue then) {
        multTransA(a, b, c);
        then.apply(0, c.rows() * c.cols());
    }

    /** Y = Y + α·X, same shapes. Y is modified. */
    default void addScaled(double alpha, Matrix x, Matrix y) {
        y.requireSameShape(x, "addScaled");
        double[] xv = x.data();
        double[] yv = y.data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] += alpha * xv[i];
        }
    }

    /** A = α·A. A is modified. */
    default void scale(double alpha, Matrix a) {
        double[] av = a.data();
        for (int i = 0; i < av.length; i++) {
            av[i] *= alpha;
        }
    }

    /**
     * C = A·B in single precision, shapes as {@link #mult(Matrix, Matrix, Matrix)}. The default is
     * a plain loop (accumulating in double); a back-end replaces the four single-precision
     * operations with its own.
     *
     * @since 1.1
     */
    default void mult(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        plainProduct(false, false, a, b, c, a.cols());
    }

    /** C = Aᵀ·B in single precision, shapes as {@link #multTransA(Matrix, Matrix, Matrix)}. @since 1.1 */
    default void multTransA(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        plainProduct(true, false, a, b, c, a.rows());
    }

    /** C = A·Bᵀ in single precision, shapes as {@link #multTransB(Matrix, Matrix, Matrix)}. @since 1.1 */
    default void multTransB(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        plainProduct(false, true, a, b, c, a.cols());
    }

    /** C = α·A·Bᵀ in single precision, as {@link #multTransB(double, Matrix, Matrix, Matrix)}. @since 1.1 */
    default void multTransB(double alpha, FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        multTransB(a, b, c);
        if (alpha != 1) {
            float f = (float) alpha;
            float[] cv = c.data();
            for (int i = 0; i < cv.length; i++) {
                cv[i] *= f;
            }
        }
    }

    /** Z = W·A + b in single precision, shapes as {@link #affine(Matrix, Matrix, Matrix, Matrix)}. @since 1.1 */
    default void affine(FloatMatrix w, FloatMatrix a, FloatMatrix b, FloatMatrix z) {
        if (!b.hasShape(z.rows(), 1)) {
            throw new IllegalArgumentException("affine: bias " + b.shape() + " does not fit Z " + z.shape());
        }
        mult(w, a, z);
        int m = z.cols();
        float[] zv = z.data();
        float[] bv = b.data();
        for (int i = 0; i < bv.length; i++) {
            for (int k = i * m, end = k + m; k < end; k++) {
                zv[k] += bv[i];
            }
        }
    }

    /**
     * The same as {@link #affine(Matrix, Matrix, Matrix, Matrix, Epilogue)} in single precision.
     *
     * @since 1.2
     */
    default void affine(FloatMatrix w, FloatMatrix a, FloatMatrix b, FloatMatrix z, Epilogue then) {
        affine(w, a, b, z);
        then.apply(0, z.rows() * z.cols());
    }

    /**
     * The same as {@link #multTransA(Matrix, Matrix, Matrix, Epilogue)} in single precision.
     *
     * @since 1.2
     */
    default void multTransA(FloatMatrix a, FloatMatrix b, FloatMatrix c, Epilogue then) {
        multTransA(a, b, c);
        then.apply(0, c.rows() * c.cols());
    }

    private static void plainProduct(boolean transA, boolean transB, FloatMatrix a, FloatMatrix b, FloatMatrix c, int k) {
        int n = c.rows();
        int m = c.cols();
        float[] av = a.data();
        float[] bv = b.data();
        float[] cv = c.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) av[transA ? p * n + i : i * k + p] * bv[transB ? j * k + p : p * m + j];
                }
                cv[i * m + j] = (float) sum;
            }
        }
    }

    /** As {@link #checkProduct(String, boolean, Matrix, Matrix, Matrix)}, for single-precision products. @since 1.1 */
    static void checkProduct(String operation, boolean shapesFit, FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        if (!shapesFit) {
            throw new IllegalArgumentException(operation + ": shapes A " + a.shape() + ", B " + b.shape() + ", C " + c.shape() + " do not fit");
        }
        if (c.data() == a.data() || c.data() == b.data()) {
            throw new IllegalArgumentException(operation + ": the output C " + c.shape() + " must not share its array with an input");
        }
    }

    /**
     * For implementations of the products: throws {@link IllegalArgumentException} naming the
     * shapes unless they fit, or when the output C shares its array with an input.
     *
     * @param operation the product's name, e.g. {@code mult}
     * @param shapesFit whether the shapes fit that product
     */
    static void checkProduct(String operation, boolean shapesFit, Matrix a, Matrix b, Matrix c) {
        if (!shapesFit) {
            throw new IllegalArgumentException(operation + ": shapes A " + a.shape() + ", B " + b.shape() + ", C " + c.shape() + " do not fit");
        }
        if (c.data() == a.data() || c.data() == b.data()) {
            throw new IllegalArgumentException(operation + ": the output C " + c.shape() + " must not share its array with an input");
        }
    }
}
