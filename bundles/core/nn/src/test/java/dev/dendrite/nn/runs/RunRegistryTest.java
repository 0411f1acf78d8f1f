package dev.dendrite.nn.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.run.RunState;
import dev.dendrite.api.run.TrackedRun;
import dev.dendrite.nn.LocalPlugins;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunRegistryTest {
    private final Trainer trainer = LocalPlugins.trainer();
    private final RunRegistry runs = new RunRegistry();

    private static DataSplit xor(int m) {
        Random random = new Random(1);
        Matrix x = new Matrix(2, m);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            double a = random.nextBoolean() ? 1 : -1;
            double b = random.nextBoolean() ? 1 : -1;
            x.set(0, j, a + 0.1 * random.nextGaussian());
            x.set(1, j, b + 0.1 * random.nextGaussian());
            y[j] = a * b < 0 ? 1 : 0;
        }
        DataSet set = new DataSet("xor", List.of("x1", "x2"), x, y, Task.CLASSIFICATION, List.of("0", "1"));
        return new DataSplit(set, null, FeatureScaling.identity(2));
    }

    @Test
    void aRunRecordsEveryEpochAndItsEnd() {
        TrainingRequest request = TrainingRequest.builder().epochs(7).build();
        TrackedRun run = runs.open("xor", request, "test");
        assertEquals(RunState.QUEUED, run.state());
        TrainingResult result = run.execute(listener -> trainer.train(request, xor(64), listener));
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals("completed", run.outcome());
        assertEquals(7, run.history().size());
        assertEquals(result.history().get(6).trainCost(), run.history().get(6).trainCost());
        assertEquals(List.of(run), runs.list());
        assertEquals(run, runs.get(run.id()).orElseThrow());
        assertFalse(run.stop(), "a finished run cannot be stopped");
        assertThrows(IllegalStateException.class, () -> run.execute(l -> result));
    }

    @Test
    void stopEndsTheRunAtItsNextIterationKeepingTheLastEpoch() throws Exception {
        TrainingRequest request = TrainingRequest.builder().epochs(1_000_000).hiddenLayers(List.of(32)).build();
        TrackedRun run = runs.open("xor", request, "test");
        CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
            try {
                run.execute(listener -> trainer.train(request, xor(256), listener));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        List<EpochReport> first = run.awaitEpochs(2, 30_000);
        assertFalse(first.isEmpty(), "the run reaches its third epoch");
        assertTrue(run.stop());
        Throwable thrown = ended.get(30, TimeUnit.SECONDS);
        TrainingInterruptedException stopped = (TrainingInterruptedException) thrown;
        assertNotNull(stopped.partial());
        assertEquals(RunState.STOPPED, run.state());
        assertEquals(run.history().size(), stopped.partial().history().size(), "the last completed epoch is kept");
        assertTrue(run.awaitEpochs(run.history().size(), 10_000).isEmpty(), "a finished run does not make a waiter wait");
    }

    @Test
    void aRunStoppedBeforeItStartsNeverTrains() {
        TrainingRequest request = TrainingRequest.builder().build();
        TrackedRun run = runs.open("xor", request, "test");
        assertTrue(run.stop());
        assertThrows(TrainingInterruptedException.class, () -> run.execute(l -> {
            throw new AssertionError("trained");
        }));
        assertEquals(RunState.STOPPED, run.state());
    }

    @Test
    void aFailedRunKeepsItsMessage() {
        TrainingRequest request = TrainingRequest.builder().activation("nope").build();
        TrackedRun run = runs.open("xor", request, "test");
        assertThrows(IllegalArgumentException.class, () -> run.execute(l -> trainer.train(request, xor(8), l)));
        assertEquals(RunState.FAILED, run.state());
        assertTrue(run.outcome().contains("nope"), run.outcome());
    }

    @Test
    void onlyTheLastFinishedRunsAreKept() {
        TrainingRequest request = TrainingRequest.builder().epochs(1).build();
        TrackedRun running = runs.open("xor", request, "test");
        for (int i = 0; i < RunRegistry.KEPT_FINISHED + 10; i++) {
            runs.open("xor", request, "test").execute(l -> trainer.train(request, xor(8), l));
        }
        runs.open("xor", request, "test");
        List<TrackedRun> kept = runs.list();
        assertEquals(RunRegistry.KEPT_FINISHED + 2, kept.size());
        assertTrue(kept.contains(running), "an unfinished run is never forgotten");
    }
}
