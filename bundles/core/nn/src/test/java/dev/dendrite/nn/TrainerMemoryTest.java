package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerMemoryTest {
    @Test
    void theTrainerRefusesANetworkTooBigForThisHeapWithoutAllocatingIt() {
        TrainingRequest request = TrainingRequest.builder().hiddenLayers(List.of(40000, 40000)).epochs(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(new LocalPlugins())
                .train(request, NetworkTrainerTest.split(NetworkTrainerTest.xor(50, 1)), TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("--layers 40000,40000 needs about 47.9 GB for weights and workspaces; the heap is "),
                e.getMessage());
    }
}
