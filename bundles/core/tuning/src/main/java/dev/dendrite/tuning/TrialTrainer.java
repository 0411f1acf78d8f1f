package dev.dendrite.tuning;

import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one trial: the point set on the base request with the trial's seed (derived from the
 * study seed and the trial number only), on each split in turn. The objective after each epoch
 * of the first split is reported (and fed to the {@link Pruner}, with the trials of the same
 * budget that the trial's proposal saw as its peers; it may stop the trial: PRUNED, its value the
 * last one reported); the trial's value is the mean over the splits of the trained
 * model's objective (COMPLETE). A trial whose training throws an exception, e.g. because it
 * diverged, is FAILED with the message; but when the study is stopping (interrupted), the
 * trainer's {@link TrainingInterruptedException} leaves the trial unfinished, to be trained again
 * when the study resumes.
 */
final class TrialTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(TrialTrainer.class);

    /** Receives the objective after each epoch of a trial's first split. */
    interface EpochSink {
        void epoch(int trial, int epoch, double value);
    }

    private final Trainer trainer;
    private final TrainingRequest base;
    private final Objective objective;
    private final long seed;
    private final Pruner pruner;

    TrialTrainer(Trainer trainer, TrainingRequest base, Objective objective, long seed, Pruner pruner) {
        this.trainer = trainer;
        this.base = base;
        this.objective = objective;
        this.seed = seed;
        this.pruner = pruner;
    }

    /** The request of {@code trial} in a study seeded {@code seed}. */
    static TrainingRequest request(TrainingRequest base, long seed, TrialRecord trial) {
        return RequestMapping.request(base, trial.parameters(), trial.budget(), StudyContext.trialSeed(seed, trial.number()));
    }

    /**
     * Trains {@code trial}; {@code visible} are the trials its proposal saw (the pruner's peers are those of its budget).
     *
     * @param stopping whether the study is stopping: then an interrupted run is not a failure
     * @throws TrainingInterruptedException when the run was interrupted because the study is stopping
     */
    TrialRecord run(TrialRecord trial, List<TrialRecord> visible, EpochSink sink, BooleanSupplier stopping) {
        List<Double> values = new ArrayList<>();
        List<TrialRecord> peers = visible.stream().filter(t -> t.budget() == trial.budget()).toList();
        try {
            TrainingRequest request = request(base, seed, trial);
            double sum = 0;
            List<DataSplit> splits = objective.splits();
            for (int f = 0; f < splits.size(); f++) {
                boolean first = f == 0;
                boolean[] pruned = {false};
                TrainingResult result = trainer.train(request, splits.get(f), new TrainingListener() {
                    @Override
                    public void epoch(EpochReport report) {
                        if (first) {
                            double v = objective.value(report.train(), report.validation());
                            values.add(v);
                            sink.epoch(trial.number(), report.epoch(), v);
                            pruned[0] = pruner.prune(report.epoch(), v, trial.budget(), peers);
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
        } catch (TrainingInterruptedException e) {
            if (stopping.getAsBoolean()) {
                throw e;
            }
            return failed(trial, values, e);
        } catch (RuntimeException e) {
            return failed(trial, values, e);
        }
    }

    /**
     * A trial whose training threw {@code e}: FAILED with its message, logged with its stack trace
     * (at info: the command reports the failure itself, so the console stays as it is).
     */
    private static TrialRecord failed(TrialRecord trial, List<Double> values, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        LOG.info("trial {} {} failed after {} of {} epochs: {}", trial.number() + 1, trial.parameters(), values.size(),
                trial.budget(), message, e);
        return finished(trial, TrialState.FAILED, Double.NaN, values, message);
    }

    private static TrialRecord finished(TrialRecord t, TrialState state, double value, List<Double> values, String message) {
        return new TrialRecord(t.number(), t.parameters(), t.budget(), state, value, values, message);
    }
}
