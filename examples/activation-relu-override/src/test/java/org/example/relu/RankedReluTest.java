package org.example.relu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankedReluTest {

    @Test
    void backwardMatchesCentralDifferencesAwayFromTheKink() {
        Random random = new Random(2);
        Matrix z = TestMatrices.awayFromZero(4, 6, 1e-3, 3, random);
        Matrix dA = TestMatrices.uniform(4, 6, -1, 1, random);
        double error = GradientCheck.activation(new RankedRelu(), z, dA);
        assertTrue(error < 1e-6, "relative error " + error);
    }
}
