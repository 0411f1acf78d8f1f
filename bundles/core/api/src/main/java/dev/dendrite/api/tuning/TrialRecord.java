package dev.dendrite.api.tuning;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial of a study: a point of the search space trained for a budget of epochs, and what
 * came of it.
 *
 * @param number     0-based trial number; the trial's training seed derives from it and the study seed
 * @param parameters the point, see {@link Parameter} for the value types
 * @param budget     epochs the trial was given
 * @param state      where it is
 * @param value      the objective (the chosen metric) at the end, NaN when running or failed
 * @param values     the objective after each epoch done so far (index e − 1 for epoch e)
 * @param message    why it failed, else null
 */
public record TrialRecord(int number, Map<String, Object> parameters, int budget, TrialState state, double value,
                          List<Double> values, String message) {

    public TrialRecord {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        values = List.copyOf(values);
    }

    /** A trial that has just been proposed. */
    public static TrialRecord running(int number, Map<String, Object> parameters, int budget) {
        return new TrialRecord(number, parameters, budget, TrialState.RUNNING, Double.NaN, List.of(), null);
    }

    /** Whether it is over (complete, pruned or failed). */
    public boolean finished() {
        return state != TrialState.RUNNING;
    }

    /** Epochs trained. */
    public int epochs() {
        return values.size();
    }

    /** The objective after epoch e (1-based), or NaN when the trial did not get there. */
    public double valueAt(int epoch) {
        return epoch >= 1 && epoch <= values.size() ? values.get(epoch - 1) : Double.NaN;
    }

    /**
     * The rung of this trial in a study of {@code studyEpochs} epochs per trial: how many epochs of
     * training its value measures. A complete trial's rung is its budget (an early stop by
     * {@code patience} does not lower it), a pruned one's the epochs it reached; a trial whose
     * {@code epochs} is a searched parameter is on the full rung, {@code studyEpochs}, when complete:
     * its length is a hyperparameter, not a share of the budget that a strategy such as halving gave it.
     */
    public int rung(int studyEpochs) {
        if (state == TrialState.PRUNED) {
            return epochs();
        }
        return parameters.containsKey("epochs") ? studyEpochs : budget;
    }

    /**
     * Best first, comparing values only at equal training length: complete trials first, by
     * {@linkplain #rung rung} (more epochs first), then by value in the metric's direction; then
     * pruned ones, by rung, then value; then failed and running ones; ties and NaN values by trial
     * number. So a value after 7 of 60 epochs never ranks above one after 60, whatever the two are.
     *
     * @param studyEpochs the study's epochs per trial
     */
    public static Comparator<TrialRecord> ranking(boolean higherIsBetter, int studyEpochs) {
        Comparator<Double> byValue = (a, b) -> {
            if (a.isNaN() || b.isNaN()) {
                return Boolean.compare(a.isNaN(), b.isNaN());
            }
            return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
        };
        return Comparator.<TrialRecord>comparingInt(t -> switch (t.state()) {
                    case COMPLETE -> 0;
                    case PRUNED -> 1;
                    default -> 2;
                })
                .thenComparing(Comparator.comparingInt((TrialRecord t) -> t.rung(studyEpochs)).reversed())
                .thenComparing(TrialRecord::value, byValue)
                .thenComparingInt(TrialRecord::number);
    }

    /**
     * {@link #ranking(boolean, int)} without the study's epochs per trial, as if they were
     * unbounded: a complete trial with a searched {@code epochs} ranks above those without.
     *
     * @deprecated the study's epochs per trial decide the rungs: use {@link #ranking(boolean, int)}
     */
    @Deprecated(since = "2.2")
    public static Comparator<TrialRecord> ranking(boolean higherIsBetter) {
        return ranking(higherIsBetter, Integer.MAX_VALUE);
    }
}
