package org.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwishTest {

    @Test
    void backwardMatchesCentralDifferences() {
        Random random = new Random(1);
        Matrix z = TestMatrices.uniform(5, 7, -6, 6, random);
        Matrix dA = TestMatrices.uniform(5, 7, -1, 1, random);
        double error = GradientCheck.activation(new Swish(), z, dA);
        assertTrue(error < 1e-6, "relative error " + error);
    }

    @Test
    void knownValues() {
        Matrix z = Matrix.of(new double[] {0, 1, -1000, 1000});
        Matrix a = new Matrix(1, 4);
        new Swish().forward(z, a);
        assertEquals(0, a.get(0, 0), 0);
        assertEquals(1 / (1 + Math.exp(-1)), a.get(0, 1), 1e-15);
        assertEquals(0, a.get(0, 2), 1e-300);
        assertEquals(1000, a.get(0, 3), 1e-12);
    }
}
