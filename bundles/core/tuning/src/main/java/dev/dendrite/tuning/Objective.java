package dev.dendrite.tuning;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.tuning.StudySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trial is measured on: the data, as one training/validation split or as k folds, and the
 * metric with its direction. The metric is {@code loss} or a metric name ({@code accuracy},
 * {@code precision}, {@code recall}, {@code f1}; {@code mse}, {@code mae}, {@code r2}), prefixed
 * with {@code val_} for the validation split; the default is {@code val_accuracy} for
 * classification and {@code val_mse} for regression (without {@code val_} when there is no
 * validation split).
 *
 * @param metric         the objective's name
 * @param higherIsBetter its direction, from {@link Metrics#higherIsBetter}
 * @param splits         one split, or the k folds
 */
record Objective(String metric, boolean higherIsBetter, List<DataSplit> splits) {

    /** Loads the study's data (split seeded by the study seed) and resolves its metric. */
    static Objective of(StudySettings s, DataService data) {
        List<DataSplit> splits;
        if (s.folds() > 0) {
            if (s.scaling() != null) {
                throw new IllegalArgumentException("scaling " + s.scaling() + " does not apply with folds:"
                        + " each fold is standardized on its own training part");
            }
            DataSplit all = data.load(s.dataset(), new DataOptions(s.target(), 0, s.seed(), s.task(), "none", s.table()));
            splits = Folds.split(all.train(), s.folds(), s.seed(), all.target());
        } else {
            splits = List.of(data.load(s.dataset(), new DataOptions(s.target(), s.validation(), s.seed(), s.task(), s.scaling(), s.table())));
        }
        DataSplit first = splits.get(0);
        boolean validation = first.hasValidation();
        Task task = first.train().task();
        String metric = s.metric() != null ? s.metric() : (validation ? "val_" : "") + (task == Task.CLASSIFICATION ? "accuracy" : "mse");
        List<String> available = new ArrayList<>(List.of("loss"));
        available.addAll(task == Task.CLASSIFICATION ? List.of("accuracy", "precision", "recall", "f1") : List.of("mse", "mae", "r2"));
        List<String> names = new ArrayList<>(available);
        if (validation) {
            available.forEach(n -> names.add("val_" + n));
        }
        if (!names.contains(metric)) {
            throw new IllegalArgumentException("cannot optimize metric '" + metric + "' (available: " + String.join(", ", names) + ")"
                    + (metric.startsWith("val_") && !validation ? "; it needs a validation split (--val > 0 or --folds k)" : ""));
        }
        String base = metric.startsWith("val_") ? metric.substring(4) : metric;
        return new Objective(metric, Metrics.higherIsBetter(base), splits);
    }

    /** The objective of a model's metrics (train and, when present, validation). */
    double value(Metrics train, Metrics validation) {
        boolean val = metric.startsWith("val_");
        Metrics m = val ? validation : train;
        String key = val ? metric.substring(4) : metric;
        if (m == null) {
            return Double.NaN;
        }
        return key.equals("loss") ? m.cost() : m.get(key);
    }
}
