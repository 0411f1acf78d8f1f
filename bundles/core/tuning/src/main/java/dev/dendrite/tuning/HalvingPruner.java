package dev.dendrite.tuning;

import dev.dendrite.api.tuning.TrialRecord;
import java.util.Arrays;
import java.util.List;

/**
 * Successive halving as a pruner (asynchronous, as Optuna's SuccessiveHalvingPruner): every trial
 * is given the full epochs, and at the epochs of each rung below the top (R·η^−j, see
 * {@link Rungs}) it goes on only while it is among the best ⌊(c+1)/η⌋ (at least 1) of its own
 * objective and the c objectives its peers had after that epoch. So any strategy (random, grid,
 * tpe) proposes the points and halving stops the weak ones early, continuing the strong ones
 * without retraining them. A trial with no peer yet at a rung (the first ones, and up to
 * {@code --lag} more) goes on.
 *
 * @param rungs          where trials are compared
 * @param higherIsBetter the objective's direction
 */
record HalvingPruner(Rungs rungs, boolean higherIsBetter) implements Pruner {

    @Override
    public boolean prune(int epoch, double value, int budget, List<TrialRecord> peers) {
        if (rungs.of(epoch) < 1 || epoch >= budget) {
            return false;
        }
        if (Double.isNaN(value)) {
            return true;
        }
        double[] others = peers.stream().mapToDouble(t -> t.valueAt(epoch)).filter(v -> !Double.isNaN(v)).toArray();
        long better = Arrays.stream(others).filter(v -> higherIsBetter ? v > value : v < value).count();
        return better >= Math.max(1, (others.length + 1) / rungs.eta());
    }
}
