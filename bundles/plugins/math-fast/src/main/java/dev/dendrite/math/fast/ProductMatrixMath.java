package dev.dendrite.math.fast;

import dev.dendrite.api.math.Epilogue;
import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import java.util.Arrays;

/**
 * The {@link MatrixMath} operations around one general product C = α·op(A)·op(B) (+ C), which a
 * subclass provides on the row-major arrays: the three products (A·Bᵀ also scaled) and the affine
 * step map onto it, the affine step and Aᵀ·B also with an {@link Epilogue}, which the product runs
 * on each part of C as a thread finishes it;
 * the element-wise operations are the interface's plain loops. The same holds in single precision
 * ({@link FloatMatrix}) on a float product. Shapes are checked with
 * {@link MatrixMath#checkProduct}, which also rejects an output sharing its array with an input.
 */
abstract class ProductMatrixMath implements MatrixMath {

    /**
     * C = α·op(A)·op(B), or C += op(A)·op(B) when {@code accumulate} (then α is 1), with op(A) (n, k), op(B) (k, m)
     * and C (n, m), all row-major; op(A) is Aᵀ when {@code transA} (A stored (k, n)), likewise B;
     * then {@code then}, unless null, on each part of C as it is finished. Only C is modified (and
     * what {@code then} writes); the shapes are already checked.
     */
    abstract void product(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                          boolean accumulate, Epilogue then);

    /** The same in single precision. */
    abstract void product(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                          boolean accumulate, Epilogue then);

    @Override
    public void mult(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        product(false, false, c.rows(), c.cols(), a.cols(), 1, a.data(), b.data(), c.data(), false, null);
    }

    @Override
    public void multTransA(Matrix a, Matrix b, Matrix c) {
        multTransA(a, b, c, null);
    }

    /** C = Aᵀ·B with {@code then} run on each part of C as a thread finishes it. */
    @Override
    public void multTransA(Matrix a, Matrix b, Matrix c, Epilogue then) {
        MatrixMath.checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        product(true, false, c.rows(), c.cols(), a.rows(), 1, a.data(), b.data(), c.data(), false, then);
    }

    @Override
    public void multTransB(Matrix a, Matrix b, Matrix c) {
        multTransB(1, a, b, c);
    }

    /** C = α·A·Bᵀ with α applied as the product's tiles are stored. */
    @Override
    public void multTransB(double alpha, Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        product(false, true, c.rows(), c.cols(), a.cols(), alpha, a.data(), b.data(), c.data(), false, null);
    }

    /** Z = W·A + b in one pass over Z: Z starts as the broadcast bias and the product accumulates into it. */
    @Override
    public void affine(Matrix w, Matrix a, Matrix b, Matrix z) {
        affine(w, a, b, z, null);
    }

    /** Z = W·A + b with {@code then} run on each part of Z as a thread finishes it. */
    @Override
    public void affine(Matrix w, Matrix a, Matrix b, Matrix z, Epilogue then) {
        MatrixMath.checkProduct("affine", w.cols() == a.rows() && z.hasShape(w.rows(), a.cols()), w, a, z);
        if (!b.hasShape(z.rows(), 1)) {
            throw new IllegalArgumentException("affine: bias " + b.shape() + " does not fit Z " + z.shape());
        }
        int m = z.cols();
        double[] bv = b.data();
        double[] zv = z.data();
        for (int i = 0; i < bv.length; i++) {
            Arrays.fill(zv, i * m, (i + 1) * m, bv[i]);
        }
        product(false, false, z.rows(), m, w.cols(), 1, w.data(), a.data(), zv, true, then);
    }

    @Override
    public void mult(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        MatrixMath.checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        product(false, false, c.rows(), c.cols(), a.cols(), 1, a.data(), b.data(), c.data(), false, null);
    }

    @Override
    public void multTransA(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        multTransA(a, b, c, null);
    }

    /** C = Aᵀ·B with {@code then} run on each part of C as a thread finishes it. */
    @Override
    public void multTransA(FloatMatrix a, FloatMatrix b, FloatMatrix c, Epilogue then) {
        MatrixMath.checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        product(true, false, c.rows(), c.cols(), a.rows(), 1, a.data(), b.data(), c.data(), false, then);
    }

    @Override
    public void multTransB(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        multTransB(1, a, b, c);
    }

    @Override
    public void multTransB(double alpha, FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        MatrixMath.checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        product(false, true, c.rows(), c.cols(), a.cols(), (float) alpha, a.data(), b.data(), c.data(), false, null);
    }

    @Override
    public void affine(FloatMatrix w, FloatMatrix a, FloatMatrix b, FloatMatrix z) {
        affine(w, a, b, z, null);
    }

    /** Z = W·A + b with {@code then} run on each part of Z as a thread finishes it. */
    @Override
    public void affine(FloatMatrix w, FloatMatrix a, FloatMatrix b, FloatMatrix z, Epilogue then) {
        MatrixMath.checkProduct("affine", w.cols() == a.rows() && z.hasShape(w.rows(), a.cols()), w, a, z);
        if (!b.hasShape(z.rows(), 1)) {
            throw new IllegalArgumentException("affine: bias " + b.shape() + " does not fit Z " + z.shape());
        }
        int m = z.cols();
        float[] bv = b.data();
        float[] zv = z.data();
        for (int i = 0; i < bv.length; i++) {
            Arrays.fill(zv, i * m, (i + 1) * m, bv[i]);
        }
        product(false, false, z.rows(), m, w.cols(), 1, w.data(), a.data(), zv, true, then);
    }
}
