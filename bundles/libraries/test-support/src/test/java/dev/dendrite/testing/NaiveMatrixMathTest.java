package dev.dendrite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import org.junit.jupiter.api.Test;

class NaiveMatrixMathTest {

    private final NaiveMatrixMath math = new NaiveMatrixMath();
    private final Matrix a = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    private final Matrix b = Matrix.of(new double[] {7, 8}, new double[] {9, 10}, new double[] {11, 12});

    @Test
    void multiplies() {
        Matrix c = new Matrix(2, 2);
        math.mult(a, b, c);
        assertEquals(Matrix.of(new double[] {58, 64}, new double[] {139, 154}), c);
    }

    @Test
    void multipliesWithATransposed() {
        Matrix at = Matrix.of(new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6});
        Matrix c = new Matrix(2, 2);
        math.multTransA(at, b, c);
        assertEquals(Matrix.of(new double[] {58, 64}, new double[] {139, 154}), c);
    }

    @Test
    void multipliesWithBTransposed() {
        Matrix bt = Matrix.of(new double[] {7, 9, 11}, new double[] {8, 10, 12});
        Matrix c = new Matrix(2, 2);
        math.multTransB(a, bt, c);
        assertEquals(Matrix.of(new double[] {58, 64}, new double[] {139, 154}), c);
    }

    @Test
    void affineBroadcastsTheBias() {
        Matrix w = Matrix.of(new double[] {1, 0}, new double[] {0, 2});
        Matrix x = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Matrix bias = Matrix.of(new double[] {10}, new double[] {-1});
        Matrix z = new Matrix(2, 3);
        math.affine(w, x, bias, z);
        assertEquals(Matrix.of(new double[] {11, 12, 13}, new double[] {7, 9, 11}), z);
    }

    @Test
    void sumsColumnsScaled() {
        Matrix s = new Matrix(2, 1);
        math.sumColumns(0.5, a, s);
        assertEquals(Matrix.of(new double[] {3}, new double[] {7.5}), s);
    }

    @Test
    void addsScaledAndScales() {
        Matrix y = a.copy();
        math.addScaled(-2, a, y);
        assertEquals(Matrix.of(new double[] {-1, -2, -3}, new double[] {-4, -5, -6}), y);
        math.scale(-3, y);
        assertEquals(Matrix.of(new double[] {3, 6, 9}, new double[] {12, 15, 18}), y);
    }

    @Test
    void rejectsWrongShapesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> math.mult(a, a, new Matrix(2, 3)));
        assertEquals("mult: shapes A (2, 3), B (2, 3), C (2, 3) do not fit", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> math.mult(a, b, new Matrix(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> math.addColumnVector(new Matrix(3, 1), a));
        assertThrows(IllegalArgumentException.class, () -> math.sumColumns(1, a, new Matrix(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> math.addScaled(1, a, b));
    }

    @Test
    void rejectsAnOutputThatIsAnInput() {
        Matrix square = Matrix.of(new double[] {1, 2}, new double[] {3, 4});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> math.mult(square, square, square));
        assertTrue(e.getMessage().contains("must not share"), e.getMessage());
    }
}
