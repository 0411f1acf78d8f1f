package dev.dendrite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestMatricesTest {

    private final Random random = new Random(11);

    @Test
    void uniformStaysInRangeAndIsSeeded() {
        Matrix m = TestMatrices.uniform(4, 50, -3, 2, random);
        for (double v : m.data()) {
            assertTrue(v >= -3 && v < 2, "value " + v);
        }
        assertEquals(TestMatrices.uniform(3, 3, 0, 1, new Random(5)), TestMatrices.uniform(3, 3, 0, 1, new Random(5)));
    }

    @Test
    void awayFromZeroKeepsTheGapWithBothSigns() {
        Matrix m = TestMatrices.awayFromZero(5, 40, 0.01, 1, random);
        int negative = 0;
        for (double v : m.data()) {
            assertTrue(Math.abs(v) >= 0.01 && Math.abs(v) < 1, "value " + v);
            negative += v < 0 ? 1 : 0;
        }
        assertTrue(negative > 0 && negative < 200, negative + " negative values of 200");
    }

    @Test
    void oneHotHasASingleOnePerColumn() {
        Matrix m = TestMatrices.oneHot(4, 30, random);
        for (int j = 0; j < 30; j++) {
            double sum = 0;
            int ones = 0;
            for (int r = 0; r < 4; r++) {
                sum += m.get(r, j);
                ones += m.get(r, j) == 1.0 ? 1 : 0;
            }
            assertEquals(1.0, sum);
            assertEquals(1, ones);
        }
    }

    @Test
    void binaryHoldsZerosAndOnes() {
        for (double v : TestMatrices.binary(3, 20, random).data()) {
            assertTrue(v == 0.0 || v == 1.0, "value " + v);
        }
    }

    @Test
    void maxAbsDifferenceFindsTheLargestGapAndPropagatesNaN() {
        Matrix a = Matrix.of(new double[] {1, 2, 3});
        assertEquals(0.5, TestMatrices.maxAbsDifference(a, Matrix.of(new double[] {1, 2.5, 2.75})));
        assertTrue(Double.isNaN(TestMatrices.maxAbsDifference(a, Matrix.of(new double[] {Double.NaN, 2, 3}))));
    }
}
