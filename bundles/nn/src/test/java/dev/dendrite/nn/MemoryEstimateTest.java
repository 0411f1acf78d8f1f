package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A network too big for the heap is refused with both figures before anything is allocated. */
class MemoryEstimateTest {
    private static final long ONE_GB = 1L << 30;

    @Test
    void theEstimateCountsParametersThreeTimesAndTheWorkspaces() {
        // 2-4-1: P = 4·3 + 1·5 = 17; rows 5; batch 8, m 100: 4·5·8 + 4·5·100 + (2 + 1)·8 = 2184 doubles of workspaces
        assertEquals(8 * (3 * 17 + 2184), MemoryEstimate.bytes(2, List.of(4), 1, 8, 100, false, false));
        assertEquals(8 * (4 * 17 + 2184 + 2 * 5 * 8), MemoryEstimate.bytes(2, List.of(4), 1, 8, 100, true, true));
    }

    @Test
    void aNetworkTooBigForTheHeapIsRefusedWithBothFigures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryEstimate.check(2, List.of(10000, 10000, 10000), 1, 32, 160, false, false, ONE_GB));
        assertEquals("--layers 10000,10000,10000 needs about 4.6 GB for weights and workspaces; the heap is 1.0 GB"
                + " (set DENDRITE_OPTS=-Xmx6g)", e.getMessage());
        MemoryEstimate.check(2, List.of(1000, 1000), 1, 32, 160, false, false, ONE_GB);
    }

    @Test
    void theTrainerRefusesANetworkTooBigForThisHeapWithoutAllocatingIt() {
        TrainingRequest request = TrainingRequest.builder().hiddenLayers(List.of(40000, 40000)).epochs(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(new LocalPlugins())
                .train(request, NetworkTrainerTest.split(NetworkTrainerTest.xor(50, 1)), dev.dendrite.api.nn.TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("--layers 40000,40000 needs about 36.0 GB for weights and workspaces; the heap is "),
                e.getMessage());
    }
}
