package org.example.lion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Updater;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LionTest {

    @Test
    void threeStepsMatchTheFormulasByHand() {
        Map<String, Double> h = new HashMap<>(new Lion().defaults());
        h.put("weight_decay", 0.1);
        Updater u = new Lion().newUpdater(h);
        Matrix theta = Matrix.of(new double[] {1.0});
        Matrix g = Matrix.of(new double[] {0.5});
        double lr = 0.01;
        // step 1: m = 0, c = 0.05 > 0: θ = 1 − 0.01·(1 + 0.1·1) = 0.989; m = 0.005
        u.update(new Matrix[] {theta}, new Matrix[] {g}, lr);
        assertEquals(0.989, theta.get(0, 0), 1e-15);
        // step 2 with g = −2: c = 0.9·0.005 + 0.1·(−2) = −0.1955 < 0: θ = 0.989 + 0.01·(1 − 0.1·0.989)
        g.set(0, 0, -2);
        u.update(new Matrix[] {theta}, new Matrix[] {g}, lr);
        double expected = 0.989 + 0.01 * (1 - 0.1 * 0.989);
        assertEquals(expected, theta.get(0, 0), 1e-15);
        // m = 0.99·0.005 + 0.01·(−2) = −0.01505; step 3 with g = 0.1: c = 0.9·(−0.01505) + 0.01 = −0.003545 < 0
        g.set(0, 0, 0.1);
        u.update(new Matrix[] {theta}, new Matrix[] {g}, lr);
        expected = expected + 0.01 * (1 - 0.1 * expected);
        assertEquals(expected, theta.get(0, 0), 1e-15);
    }

    @Test
    void badBetaIsRejected() {
        Map<String, Double> h = new HashMap<>(new Lion().defaults());
        h.put("beta1", 1.5);
        assertEquals("lion: beta1 must be in [0, 1), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new Lion().newUpdater(h)).getMessage());
    }
}
