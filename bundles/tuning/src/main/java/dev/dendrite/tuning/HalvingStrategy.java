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
 * <li>but when the trials left are just enough to carry the most advanced trial to the top, and no
 *     trial is there yet, it promotes the best trial of the highest rung outright, after waiting
 *     (an empty proposal) for every earlier outcome. So a study of any {@code --trials} trains
 *     its best configuration for the full epochs per trial.</li>
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
        history.stream().filter(t -> rungs.of(t.budget()) >= 0).forEach(t -> onRung.get(rungs.of(t.budget())).add(t));
        int highest = highestWithAPath(onRung);
        boolean topReached = onRung.get(0).stream().anyMatch(t -> t.state() == TrialState.COMPLETE || !t.finished());
        if (!topReached && highest <= rungs.bottom() && context.trials() > 0 && context.trials() - context.trial() <= highest) {
            if (history.stream().anyMatch(t -> !t.finished())) {
                return Optional.empty();
            }
            Optional<TrialRecord> best = unpromoted(onRung, highest, onRung.get(highest).size(), context);
            if (best.isPresent()) {
                return Optional.of(new TrialRequest(best.get().parameters(), rungs.epochs().get(highest - 1)));
            }
        }
        for (int j = 1; j <= rungs.bottom(); j++) {
            long finished = onRung.get(j).stream().filter(TrialRecord::finished).count();
            Optional<TrialRecord> promoted = unpromoted(onRung, j, (int) (finished / rungs.eta()), context);
            if (promoted.isPresent()) {
                return Optional.of(new TrialRequest(promoted.get().parameters(), rungs.epochs().get(j - 1)));
            }
        }
        return Optional.of(new TrialRequest(space.sample(context.random(STREAM)), rungs.epochs().get(rungs.bottom())));
    }

    /**
     * The highest rung below the top with a trial that could still climb: a running one, or a
     * complete one; past the bottom rung when there is none.
     */
    private static int highestWithAPath(List<List<TrialRecord>> onRung) {
        for (int j = 1; j < onRung.size(); j++) {
            if (onRung.get(j).stream().anyMatch(t -> t.state() == TrialState.COMPLETE || !t.finished())) {
                return j;
            }
        }
        return onRung.size();
    }

    /**
     * The best complete trial among the best {@code top} finished ones of rung {@code j} whose point
     * is not yet on rung j − 1. Points are counted as a multiset: when a point is twice on rung j
     * and once on rung j − 1, one of the two is promoted (the better one, promoted first).
     */
    private static Optional<TrialRecord> unpromoted(List<List<TrialRecord>> onRung, int j, int top, StudyContext context) {
        if (top == 0) {
            return Optional.empty();
        }
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
