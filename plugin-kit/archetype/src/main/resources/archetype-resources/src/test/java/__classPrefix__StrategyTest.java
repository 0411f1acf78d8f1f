package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.testing.ComponentDescriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ${classPrefix}StrategyTest {

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Parameter.of("lr", Parameter.Kind.LOGUNIFORM, 1e-4, 1e-1),
            Parameter.of("units", Parameter.Kind.INT, 4, 64)));
    private static final int BUDGET = 10;

    private final TuningStrategy strategy = new ${classPrefix}Strategy();

    /** The context of trial {@code trial} of a study seeded {@code seed} that minimizes its objective. */
    private static StudyContext context(long seed, int trial) {
        return new StudyContext(seed, trial, BUDGET, false, Map.of());
    }

    private TrialRequest ask(List<TrialRecord> history, long seed) {
        return strategy.ask(SPACE, history, context(seed, history.size())).orElseThrow();
    }

    /** Four complete trials, the best (lowest value) at lr = 0.01, units = 32. */
    private static List<TrialRecord> told() {
        List<TrialRecord> history = new ArrayList<>();
        double[][] trials = {{1e-4, 4, 0.9}, {1e-2, 32, 0.1}, {1e-1, 64, 0.8}, {1e-3, 8, 0.5}};
        for (double[] t : trials) {
            Map<String, Object> point = Map.of("lr", t[0], "units", (long) t[1]);
            history.add(new TrialRecord(history.size(), point, BUDGET, TrialState.COMPLETE, t[2], List.of(t[2]), null));
        }
        return history;
    }

    @Test
    void theFirstProposalIsAPointOfTheSpaceWithTheStudyBudget() {
        TrialRequest first = ask(List.of(), 1);
        SPACE.check(first.parameters());
        assertEquals(BUDGET, first.budget());
    }

    @Test
    void theSameHistoryGivesTheSameProposal() {
        assertEquals(ask(told(), 5), ask(told(), 5));
    }

    @Test
    void afterTheWarmUpProposalsStayNearTheBestTrial() {
        Map<String, Object> best = told().get(1).parameters();
        double proposals = LongStream.range(0, 20)
                .mapToDouble(seed -> ${classPrefix}Strategy.distance(SPACE, ask(told(), seed).parameters(), best))
                .average().orElseThrow();
        double priorDraws = LongStream.range(0, 20)
                .mapToDouble(seed -> ${classPrefix}Strategy.distance(SPACE, SPACE.sample(new SplittableRandom(seed)), best))
                .average().orElseThrow();
        assertTrue(proposals < priorDraws / 2, "mean distance to the best: proposals " + proposals + ", prior draws " + priorDraws);
    }

    @Test
    void isRegisteredUnderItsName() {
        List<ComponentDescriptors.Descriptor> components =
                ComponentDescriptors.providing(TuningStrategy.class, ${classPrefix}Strategy.class);
        assertEquals(1, components.size(), "components providing TuningStrategy: " + components);
        assertEquals("${pluginName}", components.get(0).properties().get("name"));
    }
}
