package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Predictor;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NetworkPredictorTest {
    private final NetworkTrainer trainer = LocalPlugins.trainer();
    private final Model model = trainer.train(TrainingRequest.builder().hiddenLayers(List.of(64, 32)).epochs(2).build(),
            NetworkTrainerTest.split(NetworkTrainerTest.xor(200, 1)), TrainingListener.NONE).model();

    private static Matrix inputs(int m, long seed) {
        Random random = new Random(seed);
        Matrix x = new Matrix(2, m);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void aPredictorPredictsAsTheTrainerForEverySizeOfX() {
        try (Predictor predictor = trainer.predictor(model)) {
            for (int m : new int[] {1, 2, 3, 7, 100, 1023, 1024, 1500, 3000}) {
                Matrix x = inputs(m, m);
                assertArrayEquals(trainer.predict(model, x).data(), predictor.predict(x).data(), 0, "m = " + m);
            }
            assertThrows(IllegalArgumentException.class, () -> predictor.predict(new Matrix(3, 1)));
        }
    }

    @Test
    void callsFromManyThreadsAtOnceGetTheirOwnAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Predictor predictor = trainer.predictor(model)) {
            List<Future<Boolean>> agreed = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int m = 1 + i % 37;
                Matrix x = inputs(m, i);
                double[] expected = trainer.predict(model, x).data();
                agreed.add(pool.submit(() -> java.util.Arrays.equals(expected, predictor.predict(x).data())));
            }
            for (Future<Boolean> f : agreed) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallAllocatesLittleMoreThanItsResultOnceWarm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Matrix one = inputs(1, 1);
        Matrix hundred = inputs(100, 2);
        try (Predictor predictor = trainer.predictor(model)) {
            for (int i = 0; i < 2000; i++) {
                predictor.predict(one);
                predictor.predict(hundred);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1000; i++) {
                predictor.predict(one);
            }
            long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
            long before100 = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1000; i++) {
                predictor.predict(hundred);
            }
            long perCall100 = (threads.getCurrentThreadAllocatedBytes() - before100) / 1000;
            // the trainer's predict copies the weights (2·64 + 64·32 + 32 doubles and their gradients) at every call
            long trainerBefore = threads.getCurrentThreadAllocatedBytes();
            trainer.predict(model, one);
            long trainerCall = threads.getCurrentThreadAllocatedBytes() - trainerBefore;
            assertTrue(perCall < 512, perCall + " bytes per call of one sample");
            assertTrue(perCall100 < 100 * 8 + 512, perCall100 + " bytes per call of 100 samples (the result is 800 bytes)");
            assertTrue(trainerCall > 10 * perCall, "the trainer's call allocates " + trainerCall);
            assertEquals(1, predictor.predict(one).cols());
        }
    }
}
