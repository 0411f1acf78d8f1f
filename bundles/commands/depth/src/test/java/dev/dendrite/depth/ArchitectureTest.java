package dev.dendrite.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitectureTest {

    @Test
    void countsParametersAndFlops() {
        Architecture a = new Architecture(2, List.of(9, 9, 7), 1);
        assertEquals(3 * 9 + 10 * 9 + 10 * 7 + 8 * 1, a.parameters());
        assertEquals(5 * 9 + 19 * 9 + 19 * 7 + 15 * 1, a.flopsPerSample());
        assertEquals("9,9,7", a.widths());
    }

    /** The acceptance check: the networks ml:depth compares have equal parameter counts within 5 %. */
    @Test
    void theDefaultComparisonHasEqualParameterCountsWithinFivePercent() {
        for (DepthTask task : DepthTask.values()) {
            DepthSettings defaults = new DepthSettings(task, DepthSettings.DEFAULT_BUDGET, DepthSettings.DEFAULT_DEPTHS, 1,
                    DepthSettings.DEFAULT_TRAINING, 100, 1);
            List<Architecture> compared = DepthStudy.architectures(defaults);
            assertEquals(List.of(1, 2, 3, 4), compared.stream().map(a -> a.hidden().size()).toList());
            assertEqualWithinFivePercent(compared);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {150, 200, 333, 500, 1000, 2500, 10000})
    void everyDepthMatchesBudgetsAcrossTheRange(long budget) {
        for (int inputs = 1; inputs <= 2; inputs++) {
            List<Architecture> compared = Architecture.matching(List.of(1, 2, 3, 4), budget, inputs, 1);
            for (Architecture a : compared) {
                assertTrue(Math.abs(a.parameters() - budget) <= 0.05 * budget, a + " for " + budget);
                int w = a.hidden().get(0);
                assertTrue(a.hidden().stream().allMatch(v -> v <= w && 2 * v >= w), "only the last layer may be narrower: " + a);
            }
            assertEqualWithinFivePercent(compared);
        }
    }

    @Test
    void prefersUniformWidthsAndFallsBackToANarrowerLastLayer() {
        assertEquals(List.of("50", "12,12", "10,10,5", "7,7,7,7"),
                Architecture.matching(List.of(1, 2, 3, 4), 200, 2, 1).stream().map(Architecture::widths).toList(),
                "[9,9,9] has 217 parameters: the third network needs a narrower last layer");
        assertEquals(List.of("125", "20,20", "16,16,10", "12,12,12,11"),
                Architecture.matching(List.of(1, 2, 3, 4), 500, 2, 1).stream().map(Architecture::widths).toList(),
                "uniform [14,14,14] (477) and [12,12,12,12] (517) are within 5 % of 500 but not of each other");
        assertEquals("no networks of 1, 2, 3, 4 hidden layers have 100 parameters within 5 % (closest: 25 with 101, 10,6 with 103,"
                + " 6,6,5 with 101, 5,5,5,3 with 97); choose another --params", assertThrows(IllegalArgumentException.class,
                () -> Architecture.matching(List.of(1, 2, 3, 4), 100, 2, 1)).getMessage(), "103 is more than 5 % above 97");
    }

    private static void assertEqualWithinFivePercent(List<Architecture> compared) {
        long min = compared.stream().mapToLong(Architecture::parameters).min().orElseThrow();
        long max = compared.stream().mapToLong(Architecture::parameters).max().orElseThrow();
        assertTrue(max <= 1.05 * min, "parameter counts " + compared.stream().map(Architecture::parameters).toList());
    }

    @Test
    void aBudgetTooSmallForTheDepthIsRefused() {
        assertEquals("no networks of 1, 4 hidden layers have 12 parameters within 5 % (closest: 3 with 13, 1,1,1,1 with 11);"
                + " choose another --params", assertThrows(IllegalArgumentException.class,
                () -> Architecture.matching(List.of(1, 4), 12, 2, 1)).getMessage());
    }
}
