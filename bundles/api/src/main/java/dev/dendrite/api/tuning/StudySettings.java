package dev.dendrite.api.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a study runs. Resuming a study needs the same settings, except {@code trials},
 * {@code totalEpochs} and {@code parallel}, which may change (raising {@code trials} extends a
 * finished study).
 *
 * @param name        the study's name (its journal {@code <name>.jsonl}: letters, digits, {@code . _ -}),
 *                    or null for a study that is not saved
 * @param dataset     a built-in data set name or a file, as for {@code ml:train}
 * @param target      the CSV target column, or null for the last
 * @param validation  the validation fraction, in [0, 1); ignored with folds
 * @param space       the search space in the search-space syntax
 * @param strategy    the strategy's name
 * @param options     strategy options, e.g. {@code grid-points=4}, {@code eta=3}
 * @param trials      the most trials to run, ≥ 1
 * @param epochs      epochs per trial (the strategies' budget), ≥ 1
 * @param totalEpochs the most epochs of all trials together, 0 for no limit
 * @param seed        the study seed: data split, proposals and each trial's training seed derive from it
 * @param metric      the objective, e.g. {@code val_accuracy}, or null for the task's default
 * @param pruner      {@code median} or {@code none}
 * @param folds       k for k-fold cross-validation (objective = mean over folds), or 0 for a validation split
 * @param lag         the outcomes a proposal cannot see: trial n's proposal sees trials 0 … n − lag − 1 only, ≥ 0
 * @param parallel    trials trained at the same time, ≥ 1; results do not depend on it
 */
public record StudySettings(String name, String dataset, String target, double validation, String space, String strategy,
                            Map<String, String> options, int trials, int epochs, long totalEpochs, long seed, String metric,
                            String pruner, int folds, int lag, int parallel) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    public StudySettings {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (name != null) {
            checkName(name);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validation);
        }
        positive("trials", trials);
        positive("epochs per trial", epochs);
        if (lag < 0) {
            throw new IllegalArgumentException("lag must be >= 0, got " + lag);
        }
        positive("parallel", parallel);
        if (totalEpochs < 0) {
            throw new IllegalArgumentException("total epochs must be >= 0, got " + totalEpochs);
        }
        if (totalEpochs > 0 && totalEpochs < epochs) {
            throw new IllegalArgumentException("a total of " + totalEpochs + " epochs does not allow one trial of " + epochs + " epochs");
        }
        if (!pruner.equals("median") && !pruner.equals("none")) {
            throw new IllegalArgumentException("unknown pruner '" + pruner + "' (available: median, none)");
        }
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("folds must be 0 (no cross-validation) or at least 2, got " + folds);
        }
    }

    /**
     * Checks a study name: letters, digits, {@code .}, {@code _} and {@code -}, starting with a
     * letter or digit, at most 200 characters.
     *
     * @throws IllegalArgumentException for another name
     */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid study name '" + name
                    + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    private static void positive(String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    /** Settings with defaults: random search, 20 trials of 20 epochs, seed 42, median pruner, lag 4, one worker per core. */
    public static StudySettings of(String dataset, String space) {
        return new StudySettings(null, dataset, null, 0.2, space, "random", Map.of(), 20, 20, 0, 42, null, "median", 0, 4,
                Runtime.getRuntime().availableProcessors());
    }

    /** The settings a resumed study must share with the saved one, by name, in a stable order. */
    public Map<String, Object> identity() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("target", target);
        m.put("validation", validation);
        m.put("space", space);
        m.put("strategy", strategy);
        m.put("options", options);
        m.put("epochs", epochs);
        m.put("seed", seed);
        m.put("metric", metric);
        m.put("pruner", pruner);
        m.put("folds", folds);
        m.put("lag", lag);
        return m;
    }

    public StudySettings withName(String v) {
        return new StudySettings(v, dataset, target, validation, space, strategy, options, trials, epochs, totalEpochs, seed,
                metric, pruner, folds, lag, parallel);
    }

    public StudySettings withStrategy(String v, Map<String, String> opts) {
        return new StudySettings(name, dataset, target, validation, space, v, opts, trials, epochs, totalEpochs, seed,
                metric, pruner, folds, lag, parallel);
    }

    public StudySettings withTrials(int v) {
        return new StudySettings(name, dataset, target, validation, space, strategy, options, v, epochs, totalEpochs, seed,
                metric, pruner, folds, lag, parallel);
    }

    public StudySettings withBudget(int epochsPerTrial, long total) {
        return new StudySettings(name, dataset, target, validation, space, strategy, options, trials, epochsPerTrial, total,
                seed, metric, pruner, folds, lag, parallel);
    }

    public StudySettings withSeed(long v) {
        return new StudySettings(name, dataset, target, validation, space, strategy, options, trials, epochs, totalEpochs, v,
                metric, pruner, folds, lag, parallel);
    }

    public StudySettings withObjective(String metricName, String prunerName, int foldCount) {
        return new StudySettings(name, dataset, target, validation, space, strategy, options, trials, epochs, totalEpochs,
                seed, metricName, prunerName, foldCount, lag, parallel);
    }

    public StudySettings withData(String targetColumn, double validationFraction) {
        return new StudySettings(name, dataset, targetColumn, validationFraction, space, strategy, options, trials, epochs,
                totalEpochs, seed, metric, pruner, folds, lag, parallel);
    }

    public StudySettings withParallel(int workers, int lagTrials) {
        return new StudySettings(name, dataset, target, validation, space, strategy, options, trials, epochs, totalEpochs,
                seed, metric, pruner, folds, lagTrials, workers);
    }
}
