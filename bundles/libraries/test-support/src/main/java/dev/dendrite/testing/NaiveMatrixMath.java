package dev.dendrite.testing;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;

/**
 * A reference {@link MatrixMath} in plain Java: textbook loops, written for clarity, not speed.
 * Use it to test plug-ins without a maths back-end, and as the oracle that a faster back-end is
 * compared with. Shapes are checked as the contract states; a wrong shape, or an output that
 * shares its array with an input, raises {@link IllegalArgumentException} naming the shapes. The
 * element-wise operations are the interface's own.
 */
public final class NaiveMatrixMath implements MatrixMath {

    /** C = A·B: c[i][j] = Σ_p a[i][p]·b[p][j]. */
    @Override
    public void mult(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0;
                for (int p = 0; p < a.cols(); p++) {
                    sum += a.get(i, p) * b.get(p, j);
                }
                c.set(i, j, sum);
            }
        }
    }

    /** C = Aᵀ·B: c[i][j] = Σ_p a[p][i]·b[p][j]. */
    @Override
    public void multTransA(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0;
                for (int p = 0; p < a.rows(); p++) {
                    sum += a.get(p, i) * b.get(p, j);
                }
                c.set(i, j, sum);
            }
        }
    }

    /** C = A·Bᵀ: c[i][j] = Σ_p a[i][p]·b[j][p]. */
    @Override
    public void multTransB(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0;
                for (int p = 0; p < a.cols(); p++) {
                    sum += a.get(i, p) * b.get(j, p);
                }
                c.set(i, j, sum);
            }
        }
    }
}
