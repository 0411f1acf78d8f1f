package dev.dendrite.tuning;

import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import java.util.List;

/**
 * Decides after an epoch whether a trial stops early (PRUNED), from its objective and those of its
 * peers: the trials its proposal saw that have its budget. Seeing only those, its decisions do not
 * depend on timing nor on the number of workers; comparing only with them, a trial that the
 * halving strategy promoted is not judged again, on a fresh seed, against the shorter runs of the
 * rung below. Any strategy runs with any pruner.
 */
interface Pruner {
    /** Never prunes. */
    Pruner NONE = (epoch, value, budget, peers) -> false;

    /**
     * Whether a trial of {@code budget} epochs stops after {@code epoch}, its objective then being
     * {@code value} (NaN when it diverged).
     *
     * @param peers finished trials of the same budget that the trial's proposal saw
     */
    boolean prune(int epoch, double value, int budget, List<TrialRecord> peers);

    /**
     * The pruner the settings name, e.g. {@code halving} on the rungs that {@link Rungs} sizes
     * to the study (options {@code eta}, {@code rungs}).
     *
     * @throws IllegalArgumentException when its options do not fit the study
     */
    static Pruner of(StudySettings s, boolean higherIsBetter) {
        return switch (s.pruner()) {
            case StudySettings.MEDIAN -> new MedianPruner(higherIsBetter);
            case StudySettings.HALVING -> new HalvingPruner(
                    Rungs.of(new StudyContext(s.seed(), 0, s.epochs(), higherIsBetter, s.options(), s.trials())), higherIsBetter);
            default -> NONE;
        };
    }
}
