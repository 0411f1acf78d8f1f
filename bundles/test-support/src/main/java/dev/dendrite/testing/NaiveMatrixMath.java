package dev.dendrite.testing;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;

/**
 * A reference {@link MatrixMath} in plain Java: textbook loops, written for clarity, not speed.
 * Use it to test plug-ins without a maths back-end, and as the oracle that a faster back-end is
 * compared with. Shapes are checked as the contract states; a wrong shape, or an output that
 * shares its array with an input, raises {@link IllegalArgumentException} naming the shapes.
 */
public final class NaiveMatrixMath implements MatrixMath {

    /** C = A·B: c[i][j] = Σ_p a[i][p]·b[p][j]. */
    @Override
    public void mult(Matrix a, Matrix b, Matrix c) {
        check("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
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
        check("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
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
        check("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
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

    @Override
    public void addColumnVector(Matrix v, Matrix a) {
        if (!v.hasShape(a.rows(), 1)) {
            throw new IllegalArgumentException("addColumnVector: vector " + v.shape() + " does not fit matrix " + a.shape());
        }
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                a.set(i, j, a.get(i, j) + v.get(i, 0));
            }
        }
    }

    @Override
    public void sumColumns(double alpha, Matrix a, Matrix s) {
        if (!s.hasShape(a.rows(), 1)) {
            throw new IllegalArgumentException("sumColumns: output " + s.shape() + " does not fit matrix " + a.shape());
        }
        for (int i = 0; i < a.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < a.cols(); j++) {
                sum += a.get(i, j);
            }
            s.set(i, 0, alpha * sum);
        }
    }

    @Override
    public void addScaled(double alpha, Matrix x, Matrix y) {
        y.requireSameShape(x, "addScaled");
        for (int i = 0; i < y.rows(); i++) {
            for (int j = 0; j < y.cols(); j++) {
                y.set(i, j, y.get(i, j) + alpha * x.get(i, j));
            }
        }
    }

    @Override
    public void scale(double alpha, Matrix a) {
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                a.set(i, j, alpha * a.get(i, j));
            }
        }
    }

    private static void check(String operation, boolean shapesFit, Matrix a, Matrix b, Matrix c) {
        if (!shapesFit) {
            throw new IllegalArgumentException(operation + ": shapes A " + a.shape() + ", B " + b.shape() + ", C " + c.shape() + " do not fit");
        }
        if (c.data() == a.data() || c.data() == b.data()) {
            throw new IllegalArgumentException(operation + ": the output C " + c.shape() + " must not share its array with an input");
        }
    }
}
