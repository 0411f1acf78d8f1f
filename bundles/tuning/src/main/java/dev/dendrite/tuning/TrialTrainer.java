package dev.dendrite.tuning;

import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one trial: the point applied to the base spec with the trial's seed (derived from the
 * study seed and the trial number only), on each split in turn. The objective after each epoch
 * of the first split is reported (and fed to the pruner, which may stop the trial: PRUNED, its
 * value the last one reported); the trial's value is the mean over the splits of the trained
 * model's objective (COMPLETE). A trial whose training throws an exception, e.g. because it
 * diverged, is FAILED with the message.
 */
final class TrialTrainer {

    /** Receives the objective after each epoch of a trial's first split. */
    interface EpochSink {
        void epoch(int trial, int epoch, double value);
    }

    private final Trainer trainer;
    private final TrainingSpec base;
    private final Objective objective;
    private final long seed;
    private final boolean pruning;

    TrialTrainer(Trainer trainer, TrainingSpec base, Objective objective, long seed, boolean pruning) {
        this.trainer = trainer;
        this.base = base;
        this.objective = objective;
        this.seed = seed;
        this.pruning = pruning;
    }

    private TrainingSpec spec(TrialRecord trial) {
        return SpecMapping.apply(base, trial.parameters(), trial.budget(), StudyContext.trialSeed(seed, trial.number()));
    }

    /** Trains {@code trial}; {@code visible} are the trials its proposal saw (for the pruner). */
    TrialRecord run(TrialRecord trial, List<TrialRecord> visible, EpochSink sink) {
        List<Double> values = new ArrayList<>();
        try {
            TrainingSpec spec = spec(trial);
            double sum = 0;
            List<DataSplit> splits = objective.splits();
            for (int f = 0; f < splits.size(); f++) {
                boolean first = f == 0;
                boolean[] pruned = {false};
                TrainingResult result = trainer.train(spec, splits.get(f), new TrainingListener() {
                    @Override
                    public void epoch(EpochReport report) {
                        if (first) {
                            double v = objective.value(report.train(), report.validation());
                            values.add(v);
                            sink.epoch(trial.number(), report.epoch(), v);
                            pruned[0] = pruning && MedianPruner.prune(report.epoch(), v, trial.budget(), visible,
                                    objective.higherIsBetter());
                        }
                    }

                    @Override
                    public boolean stopRequested() {
                        return pruned[0];
                    }
                });
                if (pruned[0]) {
                    return finished(trial, TrialState.PRUNED, values.get(values.size() - 1), values, null);
                }
                sum += objective.value(result.train(), result.validation());
            }
            return finished(trial, TrialState.COMPLETE, sum / splits.size(), values, null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return finished(trial, TrialState.FAILED, Double.NaN, values, message);
        }
    }

    private static TrialRecord finished(TrialRecord t, TrialState state, double value, List<Double> values, String message) {
        return new TrialRecord(t.number(), t.parameters(), t.budget(), state, value, values, message);
    }
}
