package dev.dendrite.testing;

import dev.dendrite.api.math.Matrix;
import java.util.Random;

/**
 * Seeded random inputs for plug-in tests, and a matrix distance. Pass a {@link Random} with a
 * fixed seed so failures reproduce.
 */
public final class TestMatrices {

    private TestMatrices() {
    }

    /** A (rows, cols) matrix of values drawn uniformly from [min, max). */
    public static Matrix uniform(int rows, int cols, double min, double max, Random random) {
        Matrix m = new Matrix(rows, cols);
        double[] v = m.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = min + (max - min) * random.nextDouble();
        }
        return m;
    }

    /**
     * A (rows, cols) matrix of values with gap ≤ |v| &lt; max and a random sign: inputs that keep
     * a finite difference of step h &lt; gap away from a kink at 0 (relu).
     */
    public static Matrix awayFromZero(int rows, int cols, double gap, double max, Random random) {
        Matrix m = uniform(rows, cols, gap, max, random);
        double[] v = m.data();
        for (int i = 0; i < v.length; i++) {
            if (random.nextBoolean()) {
                v[i] = -v[i];
            }
        }
        return m;
    }

    /** A (classes, samples) matrix with a single 1 at a random row of each column, 0 elsewhere. */
    public static Matrix oneHot(int classes, int samples, Random random) {
        Matrix m = new Matrix(classes, samples);
        for (int j = 0; j < samples; j++) {
            m.set(random.nextInt(classes), j, 1.0);
        }
        return m;
    }

    /** A (rows, cols) matrix of random 0 and 1 values (binary labels). */
    public static Matrix binary(int rows, int cols, Random random) {
        Matrix m = new Matrix(rows, cols);
        double[] v = m.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextBoolean() ? 1.0 : 0.0;
        }
        return m;
    }

    /** max_k |a_k − b_k| over two matrices of the same shape. */
    public static double maxAbsDifference(Matrix a, Matrix b) {
        a.requireSameShape(b, "maxAbsDifference");
        double worst = 0;
        for (int i = 0; i < a.data().length; i++) {
            worst = Math.max(worst, Math.abs(a.data()[i] - b.data()[i]));
        }
        return worst;
    }
}
