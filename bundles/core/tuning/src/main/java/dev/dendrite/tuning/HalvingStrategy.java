package dev.dendrite.tuning;

import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020) with epochs as the resource, on the
 * {@link Rungs} sized to the study's trials. Each proposal, from the history it sees:
 * <ol>
 * <li>promotes a trial as soon as it is among the best ⌊c/η⌋ of the c finished trials of its rung
 *     (looking from the rung below the top down): the same point, trained again from scratch, with
 *     a new trial number, for the next rung's epochs;</li>
 * <li>else starts a random point on the bottom rung;</li>
 * <li>but in the last d trials of the study (d the bottom rung's index), where a new point could
 *     no longer climb to the top, it promotes instead, outright, the best trial not yet promoted of
 *     the highest rung that has one, after waiting (an empty proposal) for every earlier outcome.
 *     So a study of any {@code --trials} trains its best configuration for the full epochs per
 *     trial (and its last trials go to more configurations at the top, not to points that stop
 *     at the bottom); the price is that these last d trials run one at a time.</li>
 * </ol>
 * A proposal depends only on the history shown (the runner's lag hides the latest outcomes) and on
 * the study seed and trial number, so results do not depend on the number of workers.
 */
@Component(property = {"name=halving", "description=asynchronous successive halving (ASHA) with epochs as the resource,"
        + " rungs sized to --trials (eta=3)"})
public final class HalvingStrategy implements TuningStrategy {
    private static final long STREAM = 0x48414C56L;

    @Override
    public void validate(SearchSpace space, StudyContext context) {
        if (space.parameter(RequestMapping.EPOCHS).isPresent()) {
            throw new IllegalArgumentException("halving allocates the epochs itself: remove epochs from the search space");
        }
        Rungs.of(context);
    }

    @Override
    public Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context) {
        Rungs rungs = Rungs.of(context);
        List<List<TrialRecord>> onRung = new ArrayList<>();
        for (int j = 0; j <= rungs.bottom(); j++) {
            onRung.add(new ArrayList<>());
        }
        for (TrialRecord t : history) {
            int rung = rungs.of(t.budget());
            if (rung >= 0) {
                onRung.get(rung).add(t);
            }
        }
        boolean lastTrials = context.trials() > 0 && context.trials() - context.trial() <= rungs.bottom();
        if (lastTrials && history.stream().anyMatch(t -> !t.finished())) {
            return Optional.empty();
        }
        for (int j = 1; j <= rungs.bottom(); j++) {
            long finished = onRung.get(j).stream().filter(TrialRecord::finished).count();
            Optional<TrialRecord> promoted = unpromoted(onRung, j, lastTrials ? (int) finished : (int) (finished / rungs.eta()), context);
            if (promoted.isPresent()) {
                return Optional.of(new TrialRequest(promoted.get().parameters(), rungs.epochs().get(j - 1)));
            }
        }
        return Optional.of(new TrialRequest(space.sample(context.random(STREAM)), rungs.epochs().get(rungs.bottom())));
    }

    /**
     * The best complete trial among the best {@code top} finished ones of rung {@code j} whose point
     * is not yet on rung j − 1. Points are counted as a multiset: when a point is twice on rung j
     * and once on rung j − 1, one of the two is promoted (the better one, promoted first).
     */
    private static Optional<TrialRecord> unpromoted(List<List<TrialRecord>> onRung, int j, int top, StudyContext context) {
        Map<Map<String, Object>, Integer> above = new HashMap<>();
        onRung.get(j - 1).forEach(t -> above.merge(t.parameters(), 1, Integer::sum));
        List<TrialRecord> ranked = onRung.get(j).stream().filter(TrialRecord::finished).sorted(context.ranking()).limit(top).toList();
        for (TrialRecord t : ranked) {
            if (above.merge(t.parameters(), -1, Integer::sum) < 0 && t.state() == TrialState.COMPLETE) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
