package dev.dendrite.math.ejml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.testing.TestMatrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EjmlConcurrentMatrixMathTest {

    /** The concurrent products agree with the single-threaded ones at an MLP's shapes. */
    @Test
    void agreesWithTheSingleThreadedBackEnd() {
        EjmlMatrixMath single = new EjmlMatrixMath();
        EjmlConcurrentMatrixMath concurrent = new EjmlConcurrentMatrixMath();
        Random random = new Random(5);
        Matrix w = TestMatrices.uniform(256, 784, -1, 1, random);
        Matrix x = TestMatrices.uniform(784, 128, -1, 1, random);
        Matrix dz = TestMatrices.uniform(256, 128, -1, 1, random);
        assertClose(product(single::mult, w, x, 256, 128), product(concurrent::mult, w, x, 256, 128));
        assertClose(product(single::multTransA, w, dz, 784, 128), product(concurrent::multTransA, w, dz, 784, 128));
        assertClose(product(single::multTransB, dz, x, 256, 784), product(concurrent::multTransB, dz, x, 256, 784));
    }

    private interface Product {
        void apply(Matrix a, Matrix b, Matrix c);
    }

    private static Matrix product(Product p, Matrix a, Matrix b, int rows, int cols) {
        Matrix c = new Matrix(rows, cols);
        p.apply(a, b, c);
        return c;
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        double worst = 0;
        for (int i = 0; i < expected.data().length; i++) {
            double e = expected.data()[i];
            worst = Math.max(worst, Math.abs(e - actual.data()[i]) / Math.max(Math.abs(e), 1e-12));
        }
        assertTrue(worst < 1e-9, "relative difference " + worst);
    }
}
