package dev.dendrite.math.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.ComponentDescriptors.Descriptor;
import dev.dendrite.testing.NaiveMatrixMath;
import dev.dendrite.testing.TestMatrices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compares every operation with the plain-Java reference on random matrices of many shapes. */
class EjmlMatrixMathTest {

    private static final double TOLERANCE = 1e-12;

    private final MatrixMath ejml = new EjmlMatrixMath();
    private final MatrixMath naive = new NaiveMatrixMath();
    private final Random random = new Random(31);

    private Matrix random(int rows, int cols) {
        return TestMatrices.uniform(rows, cols, -1, 1, random);
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        double difference = TestMatrices.maxAbsDifference(expected, actual);
        assertTrue(difference <= TOLERANCE, "max difference " + difference + " for " + expected.shape());
    }

    /** Shapes (n, k, m): products of (n, k) by (k, m), including vectors and large-enough blocks. */
    /**
     * Single precision: the products of the widened operands, rounded once, equal the double
     * reference on the same (float) values rounded to float; a wider matrix after a narrower one
     * reuses and grows the thread's buffers.
     */
    @ParameterizedTest
    @CsvSource({"1,1,1", "4,3,2", "70,40,90", "16,64,33"})
    void singlePrecisionProductsAreTheDoubleOnesRounded(int n, int k, int m) {
        FloatMatrix a = FloatMatrix.of(random(n, k));
        FloatMatrix b = FloatMatrix.of(random(k, m));
        FloatMatrix bt = FloatMatrix.of(random(m, k));
        FloatMatrix at = FloatMatrix.of(random(k, n));
        Matrix expected = new Matrix(n, m);
        FloatMatrix actual = new FloatMatrix(n, m).fill(Float.NaN);
        ejml.mult(wide(a), wide(b), expected);
        ejml.mult(a, b, actual);
        assertEquals(FloatMatrix.of(expected), actual);
        ejml.multTransA(wide(at), wide(b), expected);
        ejml.multTransA(at, b, actual.fill(Float.NaN));
        assertEquals(FloatMatrix.of(expected), actual);
        ejml.multTransB(wide(a), wide(bt), expected);
        ejml.multTransB(a, bt, actual.fill(Float.NaN));
        assertEquals(FloatMatrix.of(expected), actual);
    }

    private static Matrix wide(FloatMatrix m) {
        return m.copyTo(new Matrix(m.rows(), m.cols()));
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "1,7,1", "1,5,9", "8,1,1", "8,1,6", "1,1,9", "4,3,2", "16,64,33", "70,40,90"})
    void productsMatchTheReference(int n, int k, int m) {
        Matrix a = random(n, k);
        Matrix b = random(k, m);
        Matrix expected = new Matrix(n, m);
        Matrix actual = new Matrix(n, m).fill(Double.NaN);
        naive.mult(a, b, expected);
        ejml.mult(a, b, actual);
        assertClose(expected, actual);

        Matrix at = random(k, n);
        naive.multTransA(at, b, expected);
        ejml.multTransA(at, b, actual.fill(Double.NaN));
        assertClose(expected, actual);

        Matrix bt = random(m, k);
        naive.multTransB(a, bt, expected);
        ejml.multTransB(a, bt, actual.fill(Double.NaN));
        assertClose(expected, actual);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,9", "9,1", "5,7", "64,128"})
    void elementWiseOperationsMatchTheReference(int n, int m) {
        Matrix a = random(n, m);
        Matrix v = random(n, 1);
        Matrix w = random(n, n);

        Matrix expected = a.copy();
        Matrix actual = a.copy();
        naive.addColumnVector(v, expected);
        ejml.addColumnVector(v, actual);
        assertClose(expected, actual);

        Matrix expectedSum = new Matrix(n, 1);
        Matrix actualSum = new Matrix(n, 1).fill(Double.NaN);
        naive.sumColumns(1.0 / m, a, expectedSum);
        ejml.sumColumns(1.0 / m, a, actualSum);
        assertClose(expectedSum, actualSum);

        Matrix x = random(n, m);
        naive.addScaled(-0.3, x, expected);
        ejml.addScaled(-0.3, x, actual);
        assertClose(expected, actual);

        naive.scale(2.5, expected);
        ejml.scale(2.5, actual);
        assertClose(expected, actual);

        Matrix expectedZ = new Matrix(n, m);
        Matrix actualZ = new Matrix(n, m);
        naive.affine(w, a, v, expectedZ);
        ejml.affine(w, a, v, actualZ);
        assertClose(expectedZ, actualZ);
    }

    @Test
    void knownProduct() {
        Matrix a = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Matrix b = Matrix.of(new double[] {7, 8}, new double[] {9, 10}, new double[] {11, 12});
        Matrix c = new Matrix(2, 2);
        ejml.mult(a, b, c);
        assertEquals(Matrix.of(new double[] {58, 64}, new double[] {139, 154}), c);
    }

    @Test
    void outputArrayIsWrittenInPlace() {
        double[] backing = new double[4];
        Matrix c = Matrix.wrap(2, 2, backing);
        ejml.mult(Matrix.of(new double[] {1, 0}, new double[] {0, 1}), Matrix.of(new double[] {1, 2}, new double[] {3, 4}), c);
        assertEquals(4.0, backing[3]);
    }

    @Test
    void wrongShapesAreRejectedNamingThem() {
        Matrix a = random(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ejml.mult(a, a, new Matrix(2, 3)));
        assertEquals("mult: shapes A (2, 3), B (2, 3), C (2, 3) do not fit", e.getMessage());
        // right inner dimension, output too small: EJML alone would silently reshape it
        e = assertThrows(IllegalArgumentException.class, () -> ejml.mult(a, random(3, 4), new Matrix(2, 2)));
        assertTrue(e.getMessage().contains("C (2, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ejml.multTransA(a, random(3, 2), new Matrix(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> ejml.multTransB(a, random(2, 2), new Matrix(2, 2)));
        e = assertThrows(IllegalArgumentException.class, () -> ejml.addColumnVector(random(3, 1), a));
        assertEquals("addColumnVector: vector (3, 1) does not fit matrix (2, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ejml.sumColumns(1, a, new Matrix(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> ejml.addScaled(1, a, random(3, 2)));
    }

    @Test
    void anOutputSharingAnInputArrayIsRejected() {
        Matrix a = random(3, 3);
        Matrix alias = Matrix.wrap(3, 3, a.data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ejml.mult(a, random(3, 3), alias));
        assertTrue(e.getMessage().contains("must not share"), e.getMessage());
    }

    @Test
    void registeredAsEjmlWithRankingZeroAndTheConcurrentOneBelowIt() {
        List<Descriptor> components = ComponentDescriptors.providing(MatrixMath.class, EjmlMatrixMath.class);
        assertEquals(2, components.size());
        Descriptor d = components.stream().filter(c -> c.implementation().equals(EjmlMatrixMath.class.getName())).findFirst().orElseThrow();
        assertEquals("ejml", d.properties().get("name"));
        assertEquals("0", d.properties().get("service.ranking"));
        assertTrue(!d.properties().get("description").isBlank());
        Descriptor mt = components.stream().filter(c -> c.implementation().equals(EjmlConcurrentMatrixMath.class.getName())).findFirst().orElseThrow();
        assertEquals("ejml-mt", mt.properties().get("name"));
        assertEquals("-10", mt.properties().get("service.ranking"));
    }
}
