package dev.dendrite.math.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Epilogue;
import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.testing.NaiveMatrixMath;
import dev.dendrite.testing.TestMatrices;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of every fast back-end against the plain-Java reference, at the shapes of an MLP
 * (784-256-128-10, batch 128), at odd shapes (vectors, sizes that are no multiple of a tile or of
 * the inner block) and split over several threads. The blas back-end runs on netlib's pure-Java
 * BLAS, which checks the row-major to column-major mapping (of whole products, and of the blocks of
 * rows its threads share), and on the native BLAS when this machine has one.
 */
class FastMatrixMathTest {

    private static final double RELATIVE = 1e-9;
    private static final List<AutoCloseable> OPENED = new ArrayList<>();

    private final MatrixMath naive = new NaiveMatrixMath();
    private final Random random = new Random(7);

    static Stream<Arguments> backEnds() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("vector, 1 thread", (Supplier<MatrixMath>) () -> vector(1)));
        all.add(Arguments.of("vector, 2 threads", (Supplier<MatrixMath>) () -> vector(2)));
        all.add(Arguments.of("vector, 3 threads", (Supplier<MatrixMath>) () -> vector(3)));
        all.add(Arguments.of("blas on netlib's Java BLAS", (Supplier<MatrixMath>) () -> blas(JavaBLAS.getInstance(), 1)));
        all.add(Arguments.of("blas on netlib's Java BLAS, rows on 3 threads", (Supplier<MatrixMath>) () -> blas(JavaBLAS.getInstance(), 3)));
        if (NativeBlas.problem() == null) {
            all.add(Arguments.of("blas on the native BLAS", (Supplier<MatrixMath>) () -> blas(NativeBlas.instance(), 1)));
            all.add(Arguments.of("blas on the native BLAS, rows on 2 threads", (Supplier<MatrixMath>) () -> blas(NativeBlas.instance(), 2)));
        }
        return all.stream();
    }

    /** (back-end, n, k, m) for every back-end and shape. */
    static Stream<Arguments> productCases() {
        int[][] shapes = {
            {1, 1, 1}, {1, 7, 1}, {1, 5, 9}, {8, 1, 1}, {8, 1, 6}, {1, 1, 9}, {4, 3, 2}, {7, 13, 5}, {13, 7, 17},
            {16, 64, 33}, {70, 40, 90}, {97, 300, 131}, {6, 600, 16},
            {256, 784, 128}, {256, 128, 784}, {128, 256, 128}, {256, 128, 128}, {10, 128, 128}, {128, 10, 128}, {128, 128, 10}};
        return backEnds().flatMap(backEnd -> Stream.of(shapes).map(s -> Arguments.of(backEnd.get()[0], backEnd.get()[1], s[0], s[1], s[2])));
    }

    private static VectorMatrixMath vector(int threads) {
        VectorMatrixMath math = new VectorMatrixMath(threads);
        OPENED.add(math);
        return math;
    }

    private static BlasMatrixMath blas(dev.ludovic.netlib.blas.BLAS implementation, int threads) {
        BlasMatrixMath math = new BlasMatrixMath(implementation, threads);
        OPENED.add(math);
        return math;
    }

    @AfterAll
    static void stopWorkers() throws Exception {
        for (AutoCloseable math : OPENED) {
            math.close();
        }
    }

    private Matrix random(int rows, int cols) {
        return TestMatrices.uniform(rows, cols, -1, 1, random);
    }

    private static void assertClose(Matrix expected, Matrix actual, String what) {
        double scale = 1;
        for (double v : expected.data()) {
            scale = Math.max(scale, Math.abs(v));
        }
        double difference = TestMatrices.maxAbsDifference(expected, actual);
        assertTrue(difference <= RELATIVE * scale, what + " " + expected.shape() + ": max difference " + difference + " at scale " + scale);
    }

    /**
     * The affine step and Aᵀ·B with an epilogue: the result is the product's, and the epilogue has
     * run exactly once on each element, after the element was computed (it records the value it
     * finds, which must be the finished product), at both precisions.
     */
    @ParameterizedTest(name = "{0}: ({2}, {3}) by ({3}, {4})")
    @MethodSource("productCases")
    void anEpilogueRunsOnceOnEveryFinishedElement(String name, Supplier<MatrixMath> backEnd, int n, int k, int m) {
        MatrixMath fast = backEnd.get();
        Matrix w = random(n, k);
        Matrix x = random(k, m);
        Matrix bias = random(n, 1);
        Matrix wt = random(k, n);
        Matrix z = new Matrix(n, m);
        Matrix seen = new Matrix(n, m);
        int[] runs = new int[n * m];
        Epilogue record = (from, to) -> {
            for (int i = from; i < to; i++) {
                runs[i]++;
                seen.data()[i] = z.data()[i];
            }
        };
        Matrix expected = new Matrix(n, m);
        fast.affine(w, x, bias, expected);
        fast.affine(w, x, bias, z, record);
        assertEquals(0, TestMatrices.maxAbsDifference(expected, z), name + " affine with an epilogue");
        assertEquals(0, TestMatrices.maxAbsDifference(expected, seen), name + " affine: the epilogue saw the finished Z");
        assertRanOnce(runs, name + " affine");

        java.util.Arrays.fill(runs, 0);
        fast.multTransA(wt, x, expected);
        fast.multTransA(wt, x, z, record);
        assertEquals(0, TestMatrices.maxAbsDifference(expected, z), name + " multTransA with an epilogue");
        assertEquals(0, TestMatrices.maxAbsDifference(expected, seen), name + " multTransA: the epilogue saw the finished C");
        assertRanOnce(runs, name + " multTransA");

        FloatMatrix zf = new FloatMatrix(n, m);
        FloatMatrix expectedFloat = new FloatMatrix(n, m);
        float[] seenFloat = new float[n * m];
        java.util.Arrays.fill(runs, 0);
        Epilogue recordFloat = (from, to) -> {
            for (int i = from; i < to; i++) {
                runs[i]++;
                seenFloat[i] = zf.data()[i];
            }
        };
        fast.affine(FloatMatrix.of(w), FloatMatrix.of(x), FloatMatrix.of(bias), expectedFloat);
        fast.affine(FloatMatrix.of(w), FloatMatrix.of(x), FloatMatrix.of(bias), zf, recordFloat);
        assertArrayEquals(expectedFloat.data(), zf.data(), name + " float affine with an epilogue");
        assertArrayEquals(expectedFloat.data(), seenFloat, name + " float affine: the epilogue saw the finished Z");
        assertRanOnce(runs, name + " float affine");
        java.util.Arrays.fill(runs, 0);
        fast.multTransA(FloatMatrix.of(wt), FloatMatrix.of(x), expectedFloat);
        fast.multTransA(FloatMatrix.of(wt), FloatMatrix.of(x), zf, recordFloat);
        assertArrayEquals(expectedFloat.data(), zf.data(), name + " float multTransA with an epilogue");
        assertRanOnce(runs, name + " float multTransA");
    }

    private static void assertRanOnce(int[] runs, String what) {
        for (int i = 0; i < runs.length; i++) {
            assertEquals(1, runs[i], what + ": the epilogue's runs on element " + i);
        }
    }

    @ParameterizedTest(name = "{0}: ({2}, {3}) by ({3}, {4})")
    @MethodSource("productCases")
    void productsAndTheAffineStepMatchTheReference(String name, Supplier<MatrixMath> backEnd, int n, int k, int m) {
        MatrixMath fast = backEnd.get();
        Matrix a = random(n, k);
        Matrix b = random(k, m);
        Matrix expected = new Matrix(n, m);
        Matrix actual = new Matrix(n, m).fill(Double.NaN);
        naive.mult(a, b, expected);
        fast.mult(a, b, actual);
        assertClose(expected, actual, name + " mult");

        Matrix at = random(k, n);
        naive.multTransA(at, b, expected);
        fast.multTransA(at, b, actual.fill(Double.NaN));
        assertClose(expected, actual, name + " multTransA");

        Matrix bt = random(m, k);
        naive.multTransB(a, bt, expected);
        fast.multTransB(a, bt, actual.fill(Double.NaN));
        assertClose(expected, actual, name + " multTransB");

        fast.multTransB(1.0 / 3, a, bt, actual.fill(Double.NaN));
        naive.scale(1.0 / 3, expected);
        assertClose(expected, actual, name + " multTransB scaled by 1/3");

        Matrix bias = random(n, 1);
        naive.affine(a, b, bias, expected);
        fast.affine(a, b, bias, actual.fill(Double.NaN));
        assertClose(expected, actual, name + " affine");
    }

    /**
     * The single-precision products and affine step against the double reference on the same
     * (float) operands: within float rounding, k·2⁻²⁴ of the largest value per inner step at worst,
     * far below what a wrong index or a missed tile would give.
     */
    @ParameterizedTest(name = "{0}: ({2}, {3}) by ({3}, {4}) in float")
    @MethodSource("productCases")
    void singlePrecisionProductsMatchTheReference(String name, Supplier<MatrixMath> backEnd, int n, int k, int m) {
        MatrixMath fast = backEnd.get();
        FloatMatrix a = FloatMatrix.of(random(n, k));
        FloatMatrix b = FloatMatrix.of(random(k, m));
        Matrix expected = new Matrix(n, m);
        FloatMatrix actual = new FloatMatrix(n, m).fill(Float.NaN);
        naive.mult(wide(a), wide(b), expected);
        fast.mult(a, b, actual);
        assertCloseInFloat(expected, actual, k, name + " mult");

        FloatMatrix at = FloatMatrix.of(random(k, n));
        naive.multTransA(wide(at), wide(b), expected);
        fast.multTransA(at, b, actual.fill(Float.NaN));
        assertCloseInFloat(expected, actual, k, name + " multTransA");

        FloatMatrix bt = FloatMatrix.of(random(m, k));
        naive.multTransB(wide(a), wide(bt), expected);
        fast.multTransB(a, bt, actual.fill(Float.NaN));
        assertCloseInFloat(expected, actual, k, name + " multTransB");

        fast.multTransB(1.0 / 3, a, bt, actual.fill(Float.NaN));
        naive.scale(1.0 / 3, expected);
        assertCloseInFloat(expected, actual, k, name + " multTransB scaled by 1/3");

        FloatMatrix bias = FloatMatrix.of(random(n, 1));
        naive.affine(wide(a), wide(b), wide(bias), expected);
        fast.affine(a, b, bias, actual.fill(Float.NaN));
        assertCloseInFloat(expected, actual, k + 1, name + " affine");
    }

    /** The API's plain-loop defaults, which a back-end without float products inherits, at a few shapes. */
    @ParameterizedTest(name = "({0}, {1}) by ({1}, {2})")
    @org.junit.jupiter.params.provider.CsvSource({"1, 1, 1", "7, 13, 5", "70, 40, 90"})
    void theInterfacesSinglePrecisionDefaultsMatchTheReference(int n, int k, int m) {
        singlePrecisionProductsMatchTheReference("defaults", () -> naive, n, k, m);
    }

    private static Matrix wide(FloatMatrix m) {
        return m.copyTo(new Matrix(m.rows(), m.cols()));
    }

    private static void assertCloseInFloat(Matrix expected, FloatMatrix actual, int k, String what) {
        double scale = 1;
        for (double v : expected.data()) {
            scale = Math.max(scale, Math.abs(v));
        }
        double difference = TestMatrices.maxAbsDifference(expected, wide(actual));
        assertTrue(difference <= k * 0x1p-24 * scale, what + " " + expected.shape() + ": max difference " + difference + " at scale " + scale);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void elementWiseOperationsMatchTheReference(String name, Supplier<MatrixMath> backEnd) {
        MatrixMath fast = backEnd.get();
        for (int[] shape : new int[][] {{1, 1}, {1, 9}, {9, 1}, {5, 7}, {256, 128}}) {
            int n = shape[0];
            int m = shape[1];
            Matrix a = random(n, m);
            Matrix v = random(n, 1);
            Matrix expected = a.copy();
            Matrix actual = a.copy();
            naive.addColumnVector(v, expected);
            fast.addColumnVector(v, actual);
            assertClose(expected, actual, name + " addColumnVector");

            Matrix expectedSum = new Matrix(n, 1);
            Matrix actualSum = new Matrix(n, 1).fill(Double.NaN);
            naive.sumColumns(1.0 / m, a, expectedSum);
            fast.sumColumns(1.0 / m, a, actualSum);
            assertClose(expectedSum, actualSum, name + " sumColumns");

            Matrix x = random(n, m);
            naive.addScaled(-0.3, x, expected);
            fast.addScaled(-0.3, x, actual);
            assertClose(expected, actual, name + " addScaled");

            naive.scale(2.5, expected);
            fast.scale(2.5, actual);
            assertClose(expected, actual, name + " scale");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void wrongShapesAndAliasedOutputsAreRejectedNamingThem(String name, Supplier<MatrixMath> backEnd) {
        MatrixMath fast = backEnd.get();
        Matrix a = random(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast.mult(a, a, new Matrix(2, 3)));
        assertEquals("mult: shapes A (2, 3), B (2, 3), C (2, 3) do not fit", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fast.mult(a, random(3, 4), new Matrix(2, 2)));
        assertEquals("mult: shapes A (2, 3), B (3, 4), C (2, 2) do not fit", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fast.multTransA(a, random(3, 2), new Matrix(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> fast.multTransB(a, random(2, 2), new Matrix(2, 2)));
        e = assertThrows(IllegalArgumentException.class, () -> fast.affine(a, random(3, 4), random(3, 1), new Matrix(2, 4)));
        assertEquals("affine: bias (3, 1) does not fit Z (2, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fast.addColumnVector(random(3, 1), a));
        assertEquals("addColumnVector: vector (3, 1) does not fit matrix (2, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fast.sumColumns(1, a, new Matrix(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> fast.addScaled(1, a, random(3, 2)));
        Matrix square = random(3, 3);
        e = assertThrows(IllegalArgumentException.class, () -> fast.mult(square, random(3, 3), Matrix.wrap(3, 3, square.data())));
        assertEquals("mult: the output C (3, 3) must not share its array with an input", e.getMessage());
    }
}
