package dev.dendrite.tuning;

import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import java.util.List;

/**
 * The median stopping rule (Golovin et al. 2017, Optuna's MedianPruner): after epoch e a trial
 * stops when its objective is worse than the median of the complete trials' objectives at epoch e.
 * It waits for {@value #STARTUP_TRIALS} complete trials with an epoch e, never prunes in the first
 * {@value #WARMUP_EPOCHS} epochs nor at the last one. Its peers are the trials of its budget that
 * its proposal saw (see {@link Pruner}).
 *
 * @param higherIsBetter the objective's direction
 */
record MedianPruner(boolean higherIsBetter) implements Pruner {
    static final int STARTUP_TRIALS = 5;
    static final int WARMUP_EPOCHS = 2;

    @Override
    public boolean prune(int epoch, double value, int budget, List<TrialRecord> peers) {
        if (epoch <= WARMUP_EPOCHS || epoch >= budget) {
            return false;
        }
        double[] others = peers.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
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
