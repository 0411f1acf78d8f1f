package dev.dendrite.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import org.junit.jupiter.api.Test;

class DepthTaskTest {

    @Test
    void theSawtoothIsFourNestedTentsWithEightTeeth() {
        for (int k = 0; k <= 16; k++) {
            double u = k / 16.0;
            assertEquals(k % 2, DepthTask.sawtooth(u), 1e-12, "peaks at odd sixteenths, zeros at even ones: u = " + u);
        }
        assertEquals(0.5, DepthTask.sawtooth(1 / 32.0), 1e-12, "linear between them");
        DataSet set = DepthTask.SAWTOOTH.generate(200, 3);
        assertEquals(Task.REGRESSION, set.task());
        for (int j = 0; j < set.samples(); j++) {
            double u = (set.x().get(0, j) + 1) / 2;
            assertEquals(2 * DepthTask.sawtooth(u) - 1, set.targets()[j], 1e-12);
        }
    }

    @Test
    void theSpiralsAreTwoBalancedClassesInTheUnitDisc() {
        DataSet set = DepthTask.SPIRALS.generate(300, 5);
        assertEquals(Task.CLASSIFICATION, set.task());
        int ones = 0;
        for (int j = 0; j < set.samples(); j++) {
            double r = Math.hypot(set.x().get(0, j), set.x().get(1, j));
            assertTrue(r <= 1, "radius " + r);
            ones += (int) set.targets()[j];
        }
        assertEquals(150, ones);
        assertEquals(set.x(), DepthTask.SPIRALS.generate(300, 5).x(), "the seed fixes the samples");
    }

    @Test
    void namesTheTasks() {
        assertEquals(DepthTask.SAWTOOTH, DepthTask.named("Sawtooth"));
        assertEquals("unknown task 'xor' (available: spirals, sawtooth)",
                assertThrows(IllegalArgumentException.class, () -> DepthTask.named("xor")).getMessage());
    }
}
