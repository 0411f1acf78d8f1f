package dev.dendrite.tuning;

import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Hyperband (Li et al. 2018) with epochs as the resource: brackets of successive halving. With R
 * the epochs per trial, η the option {@code eta} (default 3) and s_max the largest s with
 * η^s ≤ R, bracket s (s_max down to 0) draws n = ⌈(s_max+1)/(s+1)·η^s⌉ random points and trains
 * them for R·η^−s epochs (rung 0); rung i keeps the best ⌊n·η^−i⌋ of rung i−1 and trains them
 * again, from scratch, for R·η^(i−s) epochs, up to R. Option {@code brackets=b} runs only the b
 * most aggressive brackets ({@code brackets=1} is plain successive halving). When all brackets are
 * done it starts over with new points, until the study's trial or epoch limit.
 *
 * <p>The schedule is a fixed sequence of slots, so trial n always fills slot n; a promotion waits
 * (empty proposal) until the whole previous rung's outcome is shown.
 */
@Component(property = {"name=halving", "description=Hyperband: successive halving brackets with epochs as the resource (eta=3)"})
public final class HalvingStrategy implements TuningStrategy {
    private static final long STREAM = 0x48414C56L;

    /** One rung: {@code count} trials of {@code epochs} epochs, starting at slot {@code start} of the schedule period. */
    private record Rung(int start, int count, int epochs, int bracketRung) {
    }

    @Override
    public void validate(SearchSpace space, StudyContext context) {
        if (space.parameter("epochs").isPresent()) {
            throw new IllegalArgumentException("halving allocates the epochs itself: remove epochs from the search space");
        }
        rungs(context);
    }

    @Override
    public Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context) {
        List<Rung> rungs = rungs(context);
        Rung last = rungs.get(rungs.size() - 1);
        int period = last.start() + last.count();
        int n = context.trial();
        int base = n - n % period;
        int offset = n % period;
        for (int r = 0; r < rungs.size(); r++) {
            Rung rung = rungs.get(r);
            if (offset >= rung.start() + rung.count()) {
                continue;
            }
            if (rung.bracketRung() == 0) {
                return Optional.of(new TrialRequest(space.sample(context.random(STREAM)), rung.epochs()));
            }
            Rung previous = rungs.get(r - 1);
            List<TrialRecord> candidates = history.subList(base + previous.start(), base + previous.start() + previous.count());
            if (candidates.stream().anyMatch(t -> !t.finished())) {
                return Optional.empty();
            }
            TrialRecord promoted = candidates.stream().sorted(context.ranking()).toList().get(offset - rung.start());
            return Optional.of(new TrialRequest(promoted.parameters(), rung.epochs()));
        }
        throw new IllegalStateException("slot " + offset + " is outside the schedule of " + period);
    }

    /** The rungs of one Hyperband iteration, in schedule order. */
    private static List<Rung> rungs(StudyContext context) {
        int eta = context.intOption("eta", 3);
        if (eta < 2) {
            throw new IllegalArgumentException("halving: eta must be at least 2, got " + eta);
        }
        int maxEpochs = context.budget();
        int sMax = 0;
        while (Math.pow(eta, sMax + 1) <= maxEpochs) {
            sMax++;
        }
        if (sMax == 0) {
            throw new IllegalArgumentException("halving needs at least eta = " + eta + " epochs per trial to halve, got " + maxEpochs);
        }
        int brackets = context.intOption("brackets", sMax + 1);
        if (brackets < 1 || brackets > sMax + 1) {
            throw new IllegalArgumentException("halving: brackets must be in [1, " + (sMax + 1) + "] for " + maxEpochs
                    + " epochs and eta " + eta + ", got " + brackets);
        }
        List<Rung> rungs = new java.util.ArrayList<>();
        int start = 0;
        for (int s = sMax; s > sMax - brackets; s--) {
            int n = (int) Math.ceil((double) (sMax + 1) / (s + 1) * Math.pow(eta, s));
            for (int i = 0; i <= s; i++) {
                int count = (int) Math.floor(n / Math.pow(eta, i));
                int epochs = Math.max(1, (int) Math.round(maxEpochs * Math.pow(eta, i - s)));
                rungs.add(new Rung(start, count, epochs, i));
                start += count;
            }
        }
        return rungs;
    }
}
