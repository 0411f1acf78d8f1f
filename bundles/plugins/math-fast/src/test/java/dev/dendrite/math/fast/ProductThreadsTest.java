package dev.dendrite.math.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.testing.NaiveMatrixMath;
import dev.dendrite.testing.TestMatrices;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The vector back-end's threads: every tile once, concurrent callers, no allocation, and products after close. */
class ProductThreadsTest {

    private final MatrixMath naive = new NaiveMatrixMath();

    /**
     * A product shared between threads in chunks taken as they come is the same, bit for bit, as on
     * one thread: no tile left out or computed twice (affine accumulates onto the bias, so a tile
     * computed twice would hold its product twice), whether C is cut by rows or by columns.
     */
    @Test
    void aSharedProductComputesEveryTileOnce() {
        Random random = new Random(11);
        int[][] shapes = {{259, 131, 300}, {40, 777, 129}, {1000, 17, 64}, {13, 2000, 33}};
        try (VectorMatrixMath shared = new VectorMatrixMath(3); VectorMatrixMath alone = new VectorMatrixMath(1)) {
            for (int[] shape : shapes) {
                int n = shape[0];
                int m = shape[1];
                int k = shape[2];
                Matrix w = TestMatrices.uniform(n, k, -1, 1, random);
                Matrix x = TestMatrices.uniform(k, m, -1, 1, random);
                Matrix bias = TestMatrices.uniform(n, 1, -1, 1, random);
                Matrix expected = new Matrix(n, m);
                Matrix actual = new Matrix(n, m);
                for (int round = 0; round < 20; round++) {
                    alone.affine(w, x, bias, expected);
                    shared.affine(w, x, bias, actual);
                    assertEquals(0, TestMatrices.maxAbsDifference(expected, actual), "affine " + n + "x" + k + " times " + k + "x" + m);
                    Matrix dW = new Matrix(n, k);
                    Matrix dWalone = new Matrix(n, k);
                    alone.multTransB(1.0 / 3, actual, x, dWalone);
                    shared.multTransB(1.0 / 3, actual, x, dW);
                    assertEquals(0, TestMatrices.maxAbsDifference(dWalone, dW), "(1/3)·Z·Xᵀ for " + n + "x" + m);
                }
            }
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnProduct() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (VectorMatrixMath fast = new VectorMatrixMath(2)) {
            List<Future<Double>> differences = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                differences.add(callers.submit(() -> {
                    Random random = new Random(seed);
                    double worst = 0;
                    for (int round = 0; round < 30; round++) {
                        Matrix a = TestMatrices.uniform(64 + seed, 96, -1, 1, random);
                        Matrix b = TestMatrices.uniform(96, 80, -1, 1, random);
                        Matrix expected = new Matrix(64 + seed, 80);
                        Matrix actual = new Matrix(64 + seed, 80);
                        naive.mult(a, b, expected);
                        fast.mult(a, b, actual);
                        worst = Math.max(worst, TestMatrices.maxAbsDifference(expected, actual));
                    }
                    return worst;
                }));
            }
            for (Future<Double> difference : differences) {
                assertTrue(difference.get() < 1e-10, "max difference " + difference.get());
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aSplitProductAllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Random random = new Random(3);
        Matrix w = TestMatrices.uniform(256, 784, -1, 1, random);
        Matrix x = TestMatrices.uniform(784, 128, -1, 1, random);
        Matrix bias = TestMatrices.uniform(256, 1, -1, 1, random);
        Matrix z = new Matrix(256, 128);
        Matrix dW = new Matrix(256, 784);
        FloatMatrix fw = FloatMatrix.of(w);
        FloatMatrix fx = FloatMatrix.of(x);
        FloatMatrix fBias = FloatMatrix.of(bias);
        FloatMatrix fz = new FloatMatrix(256, 128);
        FloatMatrix fdW = new FloatMatrix(256, 784);
        try (VectorMatrixMath fast = new VectorMatrixMath(2)) {
            for (int i = 0; i < 20; i++) {
                products(fast, w, x, bias, z, dW, fw, fx, fBias, fz, fdW);
            }
            long before = threads.getThreadAllocatedBytes(self);
            for (int i = 0; i < 20; i++) {
                products(fast, w, x, bias, z, dW, fw, fx, fBias, fz, fdW);
            }
            assertEquals(0, threads.getThreadAllocatedBytes(self) - before, "bytes allocated by 160 products");
        }
    }

    /** The products of a training step at both precisions, dW scaled by 1/m as the trainer asks. */
    private static void products(VectorMatrixMath fast, Matrix w, Matrix x, Matrix bias, Matrix z, Matrix dW,
                                 FloatMatrix fw, FloatMatrix fx, FloatMatrix fBias, FloatMatrix fz, FloatMatrix fdW) {
        fast.affine(w, x, bias, z);
        fast.multTransB(z, x, dW);
        fast.multTransB(1.0 / 128, z, x, dW);
        fast.multTransA(w, z, x);
        fast.affine(fw, fx, fBias, fz);
        fast.multTransB(fz, fx, fdW);
        fast.multTransB(1.0 / 128, fz, fx, fdW);
        fast.multTransA(fw, fz, fx);
    }

    @Test
    void productsAfterCloseRunOnTheCaller() {
        Random random = new Random(5);
        Matrix a = TestMatrices.uniform(200, 100, -1, 1, random);
        Matrix b = TestMatrices.uniform(100, 150, -1, 1, random);
        Matrix expected = new Matrix(200, 150);
        Matrix actual = new Matrix(200, 150);
        VectorMatrixMath fast = new VectorMatrixMath(2);
        fast.close();
        naive.mult(a, b, expected);
        fast.mult(a, b, actual);
        assertTrue(TestMatrices.maxAbsDifference(expected, actual) < 1e-10);
    }
}
