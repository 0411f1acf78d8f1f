package dev.dendrite.math.ejml;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.osgi.service.component.annotations.Component;

/**
 * {@link MatrixMath} on EJML: the products wrap the matrices' row-major arrays as
 * {@link DMatrixRMaj} without copying and call {@link CommonOps_DDRM}; the element-wise
 * operations are the interface's plain loops. Shapes are checked before EJML sees them (EJML
 * would otherwise reshape the output), and an output sharing its array with an input is
 * rejected, both with an {@link IllegalArgumentException} naming the shapes. Stateless, thread safe.
 * Subclasses may compute the three products differently. Single-precision products widen their
 * operands into per-thread double buffers and run the same double products, then round C: EJML's
 * float kernels are no faster than its double ones (DESIGN.md), and the widening costs
 * O(n·k + k·m + n·m) next to the product's O(n·k·m).
 */
@Component(service = MatrixMath.class, property = {
        "name=ejml",
        "description=EJML dense row-major double operations (pure Java, one thread)",
        "service.ranking:Integer=0"})
public class EjmlMatrixMath implements MatrixMath {

    @Override
    public void mult(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        Wrappers w = WRAPPERS.get();
        product(w.a(a), w.b(b), w.c(c));
    }

    @Override
    public void multTransA(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        Wrappers w = WRAPPERS.get();
        productTransA(w.a(a), w.b(b), w.c(c));
    }

    @Override
    public void multTransB(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        Wrappers w = WRAPPERS.get();
        productTransB(w.a(a), w.b(b), w.c(c));
    }

    @Override
    public void mult(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        MatrixMath.checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        Widened w = WIDENED.get();
        product(w.a(a), w.b(b), w.c(c));
        w.round(c);
    }

    @Override
    public void multTransA(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        MatrixMath.checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        Widened w = WIDENED.get();
        productTransA(w.a(a), w.b(b), w.c(c));
        w.round(c);
    }

    @Override
    public void multTransB(FloatMatrix a, FloatMatrix b, FloatMatrix c) {
        MatrixMath.checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        Widened w = WIDENED.get();
        productTransB(w.a(a), w.b(b), w.c(c));
        w.round(c);
    }

    /** C = A·B on EJML matrices whose shapes are already checked. */
    protected void product(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.mult(a, b, c);
    }

    /** C = Aᵀ·B on EJML matrices whose shapes are already checked. */
    protected void productTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multTransA(a, b, c);
    }

    /** C = A·Bᵀ on EJML matrices whose shapes are already checked. */
    protected void productTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multTransB(a, b, c);
    }

    /** Per thread, three EJML matrix headers re-pointed at the operands of each product, so a product allocates nothing. */
    private static final ThreadLocal<Wrappers> WRAPPERS = ThreadLocal.withInitial(Wrappers::new);

    private static final class Wrappers {
        private final DMatrixRMaj a = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj b = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj c = new DMatrixRMaj(1, 1);

        DMatrixRMaj a(Matrix m) {
            return point(a, m);
        }

        DMatrixRMaj b(Matrix m) {
            return point(b, m);
        }

        DMatrixRMaj c(Matrix m) {
            return point(c, m);
        }

        private static DMatrixRMaj point(DMatrixRMaj header, Matrix m) {
            header.data = m.data();
            header.numRows = m.rows();
            header.numCols = m.cols();
            return header;
        }
    }

    /** Per thread, double copies of a single-precision product's operands, grown on demand and reused. */
    private static final ThreadLocal<Widened> WIDENED = ThreadLocal.withInitial(Widened::new);

    private static final class Widened {
        private final DMatrixRMaj a = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj b = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj c = new DMatrixRMaj(1, 1);

        DMatrixRMaj a(FloatMatrix m) {
            return widen(a, m);
        }

        DMatrixRMaj b(FloatMatrix m) {
            return widen(b, m);
        }

        DMatrixRMaj c(FloatMatrix m) {
            return widen(c, m);
        }

        /** C's float values from the double result. */
        void round(FloatMatrix m) {
            float[] to = m.data();
            for (int i = 0; i < to.length; i++) {
                to[i] = (float) c.data[i];
            }
        }

        private static DMatrixRMaj widen(DMatrixRMaj header, FloatMatrix m) {
            float[] from = m.data();
            if (header.data.length < from.length) {
                header.data = new double[from.length];
            }
            for (int i = 0; i < from.length; i++) {
                header.data[i] = from[i];
            }
            header.numRows = m.rows();
            header.numCols = m.cols();
            return header;
        }
    }
}
