package dev.dendrite.tuning.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.Parameter.Kind;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TPE on a cheap synthetic objective, against random draws from the same prior. */
class TpeStrategyTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Parameter.of("lr", Kind.LOGUNIFORM, 1e-5, 1),
            Parameter.of("units", Kind.INT, 1, 64),
            Parameter.choice("optimizer", "sgd", "momentum", "adam"),
            Parameter.of("momentum", Kind.UNIFORM, 0, 0.99).when("optimizer", "momentum")));

    /** Minimized; 0 at lr = 1e-2, units = 40, adam. */
    private static double loss(Map<String, Object> p) {
        double lr = Math.log10((Double) p.get("lr")) + 2;
        double units = ((Long) p.get("units") - 40) / 20.0;
        double optimizer = switch ((String) p.get("optimizer")) {
            case "adam" -> 0;
            case "momentum" -> 0.3 + Math.abs((Double) p.get("momentum") - 0.9);
            default -> 0.8;
        };
        return lr * lr + units * units + optimizer;
    }

    private static double best(TuningStrategy strategy, long seed, int trials) {
        List<TrialRecord> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n < trials; n++) {
            StudyContext context = new StudyContext(seed, n, 10, false, Map.of("startup", "8"));
            Map<String, Object> p = strategy.ask(SPACE, List.copyOf(history), context).orElseThrow().parameters();
            SPACE.check(p);
            double v = loss(p);
            best = Math.min(best, v);
            history.add(new TrialRecord(n, p, 10, TrialState.COMPLETE, v, List.of(v), null));
        }
        return best;
    }

    @Test
    void beatsRandomDrawsOnASyntheticObjective() {
        TuningStrategy random = (space, history, context) -> java.util.Optional.of(
                new dev.dendrite.api.tuning.TrialRequest(space.sample(context.random(1)), context.budget()));
        double tpe = 0;
        double prior = 0;
        for (long seed = 1; seed <= 10; seed++) {
            tpe += best(new TpeStrategy(), seed, 60) / 10;
            prior += best(random, seed, 60) / 10;
        }
        assertTrue(tpe < 0.8 * prior, "mean best: tpe " + tpe + ", random " + prior);
    }

    @Test
    void startsWithPriorDrawsAndIsDeterministic() {
        TpeStrategy tpe = new TpeStrategy();
        StudyContext first = new StudyContext(3, 0, 10, false, Map.of());
        assertEquals(SPACE.sample(first.random(0x54504531L)), tpe.ask(SPACE, List.of(), first).orElseThrow().parameters());
        assertEquals(best(tpe, 5, 30), best(tpe, 5, 30));
    }

    @Test
    void parzenEstimatorIsADensityOnItsInterval() {
        ParzenEstimator p = new ParzenEstimator(new double[] {0.2, 0.25, 0.9}, 0, 1);
        double integral = 0;
        int steps = 10_000;
        for (int i = 0; i < steps; i++) {
            integral += Math.exp(p.logDensity((i + 0.5) / steps)) / steps;
        }
        assertEquals(1, integral, 1e-3);
        assertTrue(p.logDensity(0.22) > p.logDensity(0.6));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double x = p.sample(random);
            assertTrue(x >= 0 && x <= 1);
        }
        assertEquals(0.975, ParzenEstimator.phi(1.96), 1e-4);
    }
}
