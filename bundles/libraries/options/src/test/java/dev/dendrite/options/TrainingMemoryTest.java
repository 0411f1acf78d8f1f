package dev.dendrite.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A network too big for the heap is refused with both figures before anything is allocated. */
class TrainingMemoryTest {
    private static final long ONE_GB = 1L << 30;

    @Test
    void theEstimateCountsParametersFourTimesAndTheWorkspaces() {
        // 2-4-1: P = 4·3 + 1·5 = 17; rows 5; batch 8, 100 evaluated columns: 4·5·8 + 4·5·100 + (2 + 1)·8 = 2184 doubles
        assertEquals(8 * (4 * 17 + 2184), TrainingMemory.bytes(List.of(2, 4, 1), 8, 100, false, false));
        assertEquals(8 * (5 * 17 + 2184 + 2 * 5 * 8), TrainingMemory.bytes(List.of(2, 4, 1), 8, 100, true, true));
        assertEquals(8 * 4 * 17, TrainingMemory.parameterBytes(17));
    }

    @Test
    void aNetworkTooBigForTheHeapIsRefusedWithBothFigures() {
        double needed = TrainingMemory.bytes(List.of(2, 10000, 10000, 10000, 1), 32, 160, false, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingMemory.check("--layers 10000,10000,10000", needed, ONE_GB));
        assertEquals("--layers 10000,10000,10000 needs about 6.1 GB for weights and workspaces; the heap is 1.0 GB"
                + " (set DENDRITE_OPTS=-Xmx8g)", e.getMessage());
        TrainingMemory.check("--layers 1000,1000", TrainingMemory.bytes(List.of(2, 1000, 1000, 1), 32, 160, false, false), ONE_GB);
    }
}
