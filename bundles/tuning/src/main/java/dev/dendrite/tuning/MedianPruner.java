package dev.dendrite.tuning;

import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import java.util.List;

/**
 * The median stopping rule (Golovin et al. 2017, Optuna's MedianPruner): after epoch e a trial
 * stops when its objective is worse than the median of the complete trials' objectives at epoch e.
 * It waits for {@value #STARTUP_TRIALS} complete trials with an epoch e, never prunes in the first
 * {@value #WARMUP_EPOCHS} epochs nor at the last one. It sees only the trials the trial's proposal
 * saw, so its decisions do not depend on timing.
 *
 * <p>A trial is compared only with trials of its budget: with halving, those of its rung, so a
 * trial promoted for having beaten its rung is not judged again, on a fresh seed, against the
 * shorter runs of the rung below; with the other strategies every trial has the study's budget
 * (unless {@code epochs} is searched: then the trials of its epochs).
 */
final class MedianPruner {
    static final int STARTUP_TRIALS = 5;
    static final int WARMUP_EPOCHS = 2;

    private MedianPruner() {
    }

    static boolean prune(int epoch, double value, int budget, List<TrialRecord> visible, boolean higherIsBetter) {
        if (epoch <= WARMUP_EPOCHS || epoch >= budget) {
            return false;
        }
        double[] others = visible.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.budget() == budget)
                .mapToDouble(t -> t.valueAt(epoch))
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (others.length < STARTUP_TRIALS) {
            return false;
        }
        int h = others.length / 2;
        double median = others.length % 2 == 1 ? others[h] : (others[h - 1] + others[h]) / 2;
        if (Double.isNaN(value)) {
            return true;
        }
        return higherIsBetter ? value < median : value > median;
    }
}
