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

    /** The first trial with a value on the {@link #leaderboard()}: the best complete trial of the highest rung (or, when none completed, the best pruned one). */
    public Optional<TrialRecord> best() {
        return leaderboard().stream().filter(t -> !Double.isNaN(t.value())).findFirst();
    }

    /** Every trial, best first: {@link TrialRecord#ranking(boolean, int)} with the study's epochs per trial (values compared within a rung only). */
    public List<TrialRecord> leaderboard() {
        return trials.stream().sorted(TrialRecord.ranking(higherIsBetter, settings.epochs())).toList();
    }

    /**
     * {@code trial} as a final model is trained from it: its parameters and seed, its budget raised
     * to the study's epochs per trial (unless {@code epochs} is one of its parameters), so that a
     * configuration chosen on a lower rung, or a pruned one, is trained in full. For a complete
     * trial of the full rung it is the trial itself, as it ran.
     */
    public TrialRecord inFull(TrialRecord trial) {
        int budget = trial.parameters().containsKey("epochs") ? trial.budget() : Math.max(trial.budget(), settings.epochs());
        return TrialRecord.running(trial.number(), trial.parameters(), budget);
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
