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

    @Test
    void halvingRunsHyperbandBracketsAndPromotesTheBest() {
        SearchSpace s = space("lr=loguniform(1e-4,1)");
        // value = |log10 lr + 2| (best near lr 0.01), minimized
        List<TrialRecord> trials = drive(new HalvingStrategy(), s, 9, 22, Map.of(),
                t -> Math.abs(Math.log10((Double) t.parameters().get("lr")) + 2));
        // R = 9, eta = 3: bracket 2 = 9 × 1 epoch, 3 × 3, 1 × 9; bracket 1 = 5 × 3, 1 × 9; bracket 0 = 3 × 9
        List<Integer> budgets = trials.stream().map(TrialRecord::budget).toList();
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 9, 3, 3, 3, 3, 3, 9, 9, 9, 9), budgets);
        List<TrialRecord> rung0 = trials.subList(0, 9).stream().sorted(TrialRecord.ranking(false)).toList();
        for (int i = 0; i < 3; i++) {
            assertEquals(rung0.get(i).parameters(), trials.get(9 + i).parameters(), "promotion " + i);
        }
        assertEquals(trials.subList(9, 12).stream().min(TrialRecord.ranking(false)).orElseThrow().parameters(), trials.get(12).parameters());
        assertEquals(trials.subList(13, 18).stream().min(TrialRecord.ranking(false)).orElseThrow().parameters(), trials.get(18).parameters());
    }

    @Test
    void halvingWaitsForTheWholeRungAndRefusesEpochsInTheSpace() {
        SearchSpace s = space("lr=loguniform(1e-4,1)");
        HalvingStrategy halving = new HalvingStrategy();
        List<TrialRecord> trials = drive(halving, s, 9, 9, Map.of(), t -> 1);
        List<TrialRecord> hidden = new ArrayList<>(trials);
        hidden.set(8, TrialRecord.running(8, trials.get(8).parameters(), 1));
        assertTrue(halving.ask(s, hidden, context(42, 9, 9, Map.of())).isEmpty());
        assertEquals(3, halving.ask(s, trials, context(42, 9, 9, Map.of())).orElseThrow().budget());
        assertEquals("halving allocates the epochs itself: remove epochs from the search space", assertThrows(IllegalArgumentException.class,
                () -> halving.validate(space("epochs=int(1,9)"), context(42, 0, 9, Map.of()))).getMessage());
        assertEquals("halving needs at least eta = 3 epochs per trial to halve, got 2", assertThrows(IllegalArgumentException.class,
                () -> halving.validate(s, context(42, 0, 2, Map.of()))).getMessage());
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 9, 1), drive(halving, s, 9, 14, Map.of("brackets", "1"), t -> 1)
                .stream().map(TrialRecord::budget).toList());
    }

    @Test
    void medianPrunerStopsTrialsBelowTheMedianAfterTheWarmUp() {
        List<TrialRecord> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            done.add(new TrialRecord(i, Map.of(), 10, TrialState.COMPLETE, 0.9, List.of(0.5, 0.6, 0.7 + 0.01 * i, 0.8, 0.9), null));
        }
        assertTrue(MedianPruner.prune(3, 0.6, 10, done, true));
        assertTrue(!MedianPruner.prune(3, 0.75, 10, done, true));
        assertTrue(!MedianPruner.prune(2, 0.1, 10, done, true), "warm-up epochs");
        assertTrue(!MedianPruner.prune(3, 0.6, 10, done.subList(0, 4), true), "too few trials");
        assertTrue(MedianPruner.prune(3, 0.75, 10, done, false), "lower is better");
        assertTrue(!MedianPruner.prune(10, 0.0, 10, done, true), "never at the last epoch");
    }
}
