package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Grid, random and halving proposals, asked directly (ask and tell, no training). */
class StrategiesTest {

    private static SearchSpace space(String text) {
        return SearchSpaceParser.parse(text, Fixtures.vocabulary(), TrainingRequest.builder().build());
    }

    private static StudyContext context(long seed, int trial, int budget, Map<String, String> options) {
        return new StudyContext(seed, trial, budget, false, options);
    }

    /** Asks until the strategy is done or {@code max} trials, telling each trial's outcome at once. */
    private static List<TrialRecord> drive(TuningStrategy s, SearchSpace space, int budget, int max, Map<String, String> options,
                                           ToDoubleFunction<TrialRecord> objective) {
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < max; n++) {
            Optional<TrialRequest> r = s.ask(space, List.copyOf(history), context(42, n, budget, options));
            if (r.isEmpty()) {
                break;
            }
            space.check(r.get().parameters());
            TrialRecord running = TrialRecord.running(n, r.get().parameters(), r.get().budget());
            double v = objective.applyAsDouble(running);
            history.add(new TrialRecord(n, running.parameters(), running.budget(), TrialState.COMPLETE, v, List.of(v), null));
        }
        return history;
    }

    @Test
    void gridOverThreeByTwoByTwoProposesTwelveDistinctPointsInAStableOrder() {
        SearchSpace s = space("lr=choice(0.01,0.1,1); batch=choice(16,32); activation=choice(tanh,relu)");
        List<TrialRecord> trials = drive(new GridStrategy(), s, 5, 100, Map.of(), t -> 0);
        assertEquals(12, trials.size());
        assertEquals(12, new HashSet<>(trials.stream().map(TrialRecord::parameters).toList()).size());
        assertEquals(Map.of("lr", "0.01", "batch", "16", "activation", "tanh"), trials.get(0).parameters());
        assertEquals(Map.of("lr", "0.01", "batch", "16", "activation", "relu"), trials.get(1).parameters());
        assertEquals(Map.of("lr", "0.01", "batch", "32", "activation", "tanh"), trials.get(2).parameters());
        assertEquals(Map.of("lr", "1", "batch", "32", "activation", "relu"), trials.get(11).parameters());
        assertEquals(trials, drive(new GridStrategy(), s, 5, 100, Map.of(), t -> 0));
    }

    @Test
    void gridNeedsPointsForContinuousRangesAndExpandsConditionsPerBranch() {
        SearchSpace s = space("lr=loguniform(1e-3,1e-1); units=int(2,4)");
        String message = assertThrows(IllegalArgumentException.class, () -> new GridStrategy().validate(s, context(1, 0, 5, Map.of()))).getMessage();
        assertEquals("grid: lr=loguniform(0.001,0.1) is continuous: give --grid-points N (N >= 2) or write it as choice(…)", message);
        List<Map<String, Object>> points = GridStrategy.points(s, 3);
        assertEquals(9, points.size());
        assertEquals(0.001, (Double) points.get(0).get("lr"));
        assertEquals(0.01, (Double) points.get(3).get("lr"), 1e-15);
        assertEquals(0.1, (Double) points.get(8).get("lr"));
        assertEquals(List.of(2L, 3L, 4L), points.subList(0, 3).stream().map(p -> p.get("units")).toList());
        SearchSpace tree = space("optimizer=choice(sgd,momentum); momentum=choice(0.5,0.9) if optimizer=momentum");
        assertEquals(List.of(Map.of("optimizer", "sgd"), Map.of("optimizer", "momentum", "momentum", "0.5"),
                Map.of("optimizer", "momentum", "momentum", "0.9")), GridStrategy.points(tree, 0));
    }

    @Test
    void randomDependsOnlyOnTheSeedAndTrialNumber() {
        SearchSpace s = space("lr=loguniform(1e-4,1); units=int(2,64); optimizer=choice(momentum,adam);"
                + " momentum=uniform(0.5,0.99) if optimizer=momentum");
        RandomStrategy random = new RandomStrategy();
        List<TrialRecord> a = drive(random, s, 5, 30, Map.of(), t -> 0);
        List<TrialRecord> b = drive(random, s, 5, 30, Map.of(), t -> t.number());
        assertEquals(a.stream().map(TrialRecord::parameters).toList(), b.stream().map(TrialRecord::parameters).toList());
        Map<String, Object> other = random.ask(s, List.of(), new StudyContext(43, 0, 5, false, Map.of())).orElseThrow().parameters();
        assertNotEquals(a.get(0).parameters(), other);
        assertEquals(a.get(7).parameters(), random.ask(s, List.of(), context(42, 7, 5, Map.of())).orElseThrow().parameters());
        long withMomentum = a.stream().filter(t -> t.parameters().containsKey("momentum")).count();
        long momentumOptimizer = a.stream().filter(t -> "momentum".equals(t.parameters().get("optimizer"))).count();
        assertEquals(momentumOptimizer, withMomentum);
        assertTrue(withMomentum > 5 && withMomentum < 25, "both branches drawn: " + withMomentum);
    }

    /**
     * Asks for {@code trials} trials of {@code budget} epochs as the study runner does with {@code lag}:
     * the proposal of trial n sees the outcomes of trials 0 … n − lag − 1 only, and every outcome
     * when the strategy proposes nothing from that.
     */
    private static List<TrialRecord> driveLagging(TuningStrategy s, SearchSpace space, int budget, int trials, int lag,
                                                  ToDoubleFunction<TrialRecord> objective) {
        List<TrialRecord> done = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            List<TrialRecord> shown = new ArrayList<>(done);
            for (int i = Math.max(0, n - lag); i < n; i++) {
                shown.set(i, TrialRecord.running(i, done.get(i).parameters(), done.get(i).budget()));
            }
            StudyContext context = new StudyContext(42, n, budget, false, Map.of(), trials);
            TrialRequest r = s.ask(space, shown, context).or(() -> s.ask(space, List.copyOf(done), context)).orElseThrow();
            TrialRecord running = TrialRecord.running(n, r.parameters(), r.budget());
            double v = objective.applyAsDouble(running);
            done.add(new TrialRecord(n, running.parameters(), running.budget(), TrialState.COMPLETE, v, List.of(v), null));
        }
        return done;
    }

    /** |log10 lr + 2| plus noise from the trial number: best near lr 0.01, minimized. */
    private static double nearHundredth(TrialRecord t) {
        return Math.abs(Math.log10((Double) t.parameters().get("lr")) + 2) + 0.01 * (t.number() % 7);
    }

    @Test
    void halvingPromotesATrialAsSoonAsItIsInTheBestThirdOfItsRung() {
        SearchSpace s = space("lr=loguniform(1e-4,1)");
        // R = 9, eta = 3, 13 trials: the pyramid 9 + 3 + 1 fits, so rungs of 9, 3 and 1 epochs
        List<TrialRecord> trials = driveLagging(new HalvingStrategy(), s, 9, 13, 0, StrategiesTest::nearHundredth);
        assertEquals(List.of(1, 1, 1, 3, 1, 1, 1, 3, 1, 1, 3, 9, 9), trials.stream().map(TrialRecord::budget).toList(),
                "the last 2 trials promote, as a new point could not reach the top");
        for (int n : List.of(3, 7, 10)) {
            List<TrialRecord> bottom = trials.subList(0, n).stream().filter(t -> t.budget() == 1).sorted(TrialRecord.ranking(false, 9)).toList();
            List<Map<String, Object>> bestThird = bottom.subList(0, bottom.size() / 3).stream().map(TrialRecord::parameters).toList();
            assertTrue(bestThird.contains(trials.get(n).parameters()), "trial " + n + " promotes one of the best third of " + bottom.size());
        }
        TrialRecord bestOfRung1 = List.of(trials.get(3), trials.get(7), trials.get(10)).stream().min(TrialRecord.ranking(false, 9)).orElseThrow();
        assertEquals(bestOfRung1.parameters(), trials.get(11).parameters(), "the best of rung 1 goes to the top as soon as rung 1 has 3");
        assertTrue(List.of(trials.get(3), trials.get(7), trials.get(10)).stream().map(TrialRecord::parameters).toList()
                .contains(trials.get(12).parameters()), "the last trial promotes the next best of rung 1");
        assertEquals(trials, driveLagging(new HalvingStrategy(), s, 9, 13, 0, StrategiesTest::nearHundredth), "a function of the seed");
    }

    @Test
    void halvingSizesItsRungsToTheTrialsAndReachesTheFullEpochsWhateverTheLag() {
        SearchSpace s = space("lr=loguniform(1e-4,1)");
        for (int trials : List.of(1, 3, 4, 7, 13, 20, 40, 60)) {
            for (int lag : List.of(0, 2, 4, 8)) {
                List<TrialRecord> run = driveLagging(new HalvingStrategy(), s, 60, trials, lag, StrategiesTest::nearHundredth);
                List<Integer> budgets = run.stream().map(TrialRecord::budget).toList();
                assertTrue(budgets.contains(60), trials + " trials, lag " + lag + ": " + budgets);
                assertEquals(60, run.stream().min(TrialRecord.ranking(false, 60)).orElseThrow().budget());
            }
        }
        // 20 trials: 9 + 3 + 1 fits, 27 + 9 + 3 + 1 does not: rungs of 60, 20 and 60/9 = 7 epochs
        assertEquals(List.of(7, 20, 60), driveLagging(new HalvingStrategy(), s, 60, 20, 4, StrategiesTest::nearHundredth).stream()
                .map(TrialRecord::budget).distinct().sorted().toList());
        // 1 … 3 trials: no pyramid fits, every trial trains 60 epochs; 40 trials: 4 rungs, 60 / 27 = 2 epochs at the bottom
        assertEquals(List.of(60), driveLagging(new HalvingStrategy(), s, 60, 3, 4, t -> 0).stream().map(TrialRecord::budget).distinct().toList());
        assertEquals(List.of(2, 7, 20, 60), driveLagging(new HalvingStrategy(), s, 60, 40, 4, StrategiesTest::nearHundredth).stream()
                .map(TrialRecord::budget).distinct().sorted().toList());
    }

    @Test
    void halvingWaitsForEveryOutcomeBeforeItsLastPromotionsAndRefusesBadSettings() {
        SearchSpace s = space("lr=loguniform(1e-4,1)");
        HalvingStrategy halving = new HalvingStrategy();
        // 4 trials of 9 epochs: the pyramid 3 + 1 fits, rungs of 9 and 3 epochs; trial 3 is the last chance to reach the top
        List<TrialRecord> trials = new ArrayList<>();
        for (double lr : List.of(0.5, 0.02, 0.001)) {
            trials.add(new TrialRecord(trials.size(), Map.of("lr", lr), 3, TrialState.COMPLETE, lr, List.of(lr, lr, lr), null));
        }
        List<TrialRecord> hidden = new ArrayList<>(trials);
        hidden.set(2, TrialRecord.running(2, trials.get(2).parameters(), 3));
        StudyContext last = new StudyContext(42, 3, 9, false, Map.of(), 4);
        assertTrue(halving.ask(s, hidden, last).isEmpty(), "waits for trial 2");
        TrialRequest top = halving.ask(s, trials, last).orElseThrow();
        assertEquals(9, top.budget());
        assertEquals(Map.of("lr", 0.001), top.parameters(), "the best of rung 1, waited for");
        assertEquals("halving allocates the epochs itself: remove epochs from the search space", assertThrows(IllegalArgumentException.class,
                () -> halving.validate(space("epochs=int(1,9)"), context(42, 0, 9, Map.of()))).getMessage());
        assertEquals("halving needs at least eta = 3 epochs per trial to halve, got 2", assertThrows(IllegalArgumentException.class,
                () -> halving.validate(s, context(42, 0, 2, Map.of()))).getMessage());
        assertEquals("halving: rungs must be in [1, 3] for 9 epochs and eta 3, got 4", assertThrows(IllegalArgumentException.class,
                () -> halving.validate(s, context(42, 0, 9, Map.of("rungs", "4")))).getMessage());
        assertEquals(List.of(9, 9, 9), driveLagging(halving, s, 9, 3, 0, t -> 0).stream().map(TrialRecord::budget).toList(),
                "3 trials: no pyramid fits, random search");
    }

    @Test
    void halvingPrunerKeepsTheBestThirdAtEachRungEpochBelowTheTop() {
        // R = 9, eta = 3, trials not known: rungs of 9, 3 and 1 epochs
        HalvingPruner pruner = new HalvingPruner(Rungs.of(new StudyContext(42, 0, 9, true, Map.of(), 0)), true);
        List<TrialRecord> peers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double v = 0.5 + 0.1 * i;
            peers.add(new TrialRecord(i, Map.of(), 9, TrialState.COMPLETE, v, List.of(v, v, v, v, v, v, v, v, v), null));
        }
        assertTrue(!pruner.prune(1, 0.1, 9, List.of()), "no peer yet: goes on");
        assertTrue(!pruner.prune(3, 0.85, 9, peers), "the best 6 / 3 = 2 of 6 go on: 0.85 is second");
        assertTrue(pruner.prune(3, 0.75, 9, peers), "0.75 is third");
        assertTrue(!pruner.prune(2, 0.0, 9, peers), "epoch 2 is no rung");
        assertTrue(!pruner.prune(9, 0.0, 9, peers), "never at the last epoch");
        assertTrue(pruner.prune(1, Double.NaN, 9, peers), "a diverged trial stops");
        assertTrue(!new HalvingPruner(pruner.rungs(), false).prune(1, 0.55, 9, peers), "lower is better: 0.55 is second of 6");
    }

    @Test
    void medianPrunerStopsTrialsBelowTheMedianAfterTheWarmUp() {
        List<TrialRecord> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            done.add(new TrialRecord(i, Map.of(), 10, TrialState.COMPLETE, 0.9, List.of(0.5, 0.6, 0.7 + 0.01 * i, 0.8, 0.9), null));
        }
        MedianPruner higher = new MedianPruner(true);
        assertTrue(higher.prune(3, 0.6, 10, done));
        assertTrue(!higher.prune(3, 0.75, 10, done));
        assertTrue(!higher.prune(2, 0.1, 10, done), "warm-up epochs");
        assertTrue(!higher.prune(3, 0.6, 10, done.subList(0, 4)), "too few trials");
        assertTrue(new MedianPruner(false).prune(3, 0.75, 10, done), "lower is better");
        assertTrue(!higher.prune(10, 0.0, 10, done), "never at the last epoch");
    }
}
