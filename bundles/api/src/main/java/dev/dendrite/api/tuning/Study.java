package dev.dendrite.api.tuning;

import java.util.List;
import java.util.Optional;

/**
 * A study: its settings, its resolved objective and its trials in number order.
 *
 * @param settings       how it runs
 * @param metric         the objective, e.g. {@code val_accuracy}
 * @param higherIsBetter the objective's direction
 * @param trials         every trial proposed so far, in number order
 */
public record Study(StudySettings settings, String metric, boolean higherIsBetter, List<TrialRecord> trials) {

    public Study {
        trials = List.copyOf(trials);
    }

    /** The best complete trial (or, when none completed, the best pruned one). */
    public Optional<TrialRecord> best() {
        return leaderboard().stream().filter(t -> !Double.isNaN(t.value())).findFirst();
    }

    /** Every trial, best first (see {@link TrialRecord#ranking}). */
    public List<TrialRecord> leaderboard() {
        return trials.stream().sorted(TrialRecord.ranking(higherIsBetter)).toList();
    }

    /** Trials in a state. */
    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }

    /** Epochs trained by all trials together. */
    public long epochs() {
        return trials.stream().mapToLong(TrialRecord::epochs).sum();
    }
}
