package dev.dendrite.api.tuning;

import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.TrainingRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a study runs: its data, search space, strategy, budget, objective, and the training request
 * every trial starts from. Immutable; made by a {@link Builder}, whose setters check each value as
 * it is set (the message names the setting and the value), so settings are valid by construction.
 *
 * <p>Resuming a study needs the same settings ({@link #identity()}), except {@code trials},
 * {@code totalEpochs} and {@code parallel}, which may change (raising {@code trials} extends a
 * finished study).
 */
public final class StudySettings {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** The pruners a study knows: the median stopping rule, successive halving (since 2.2), none. */
    public static final String MEDIAN = "median";
    public static final String HALVING = "halving";
    public static final String NO_PRUNER = "none";

    private final String name;
    private final String dataset;
    private final String target;
    private final double validation;
    private final Task task;
    private final String scaling;
    private final TableOptions table;
    private final String space;
    private final String strategy;
    private final Map<String, String> options;
    private final int trials;
    private final int epochs;
    private final long totalEpochs;
    private final long seed;
    private final String metric;
    private final String pruner;
    private final int folds;
    private final int lag;
    private final int parallel;
    private final TrainingRequest base;

    private StudySettings(Builder b) {
        name = b.name;
        dataset = b.dataset;
        target = b.target;
        validation = b.validation;
        task = b.task;
        scaling = b.scaling;
        table = b.table;
        space = b.space;
        strategy = b.strategy;
        options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
        trials = b.trials;
        epochs = b.epochs;
        totalEpochs = b.totalEpochs;
        seed = b.seed;
        metric = b.metric;
        pruner = b.pruner;
        folds = b.folds;
        lag = b.lag;
        parallel = b.parallel;
        base = b.base;
    }

    /**
     * A builder with the defaults: not saved, validation fraction 0.2, random search, 20 trials of
     * 20 epochs, no total limit, seed 42, the task's default metric, median pruner, no folds, lag 4,
     * one worker per processor, and trials starting from {@link TrainingRequest#builder()}'s request.
     *
     * @param dataset a built-in data set name or a file, as for {@code ml:train}
     * @param space   the search space in the search-space syntax
     */
    public static Builder builder(String dataset, String space) {
        return new Builder().dataset(dataset).space(space);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The study's name (its journal {@code <name>.jsonl}), or null for a study that is not saved. */
    public String name() {
        return name;
    }

    /** A built-in data set name or a file. */
    public String dataset() {
        return dataset;
    }

    /** The CSV target column, or null for the last. */
    public String target() {
        return target;
    }

    /** The validation fraction, in [0, 1); not used with {@link #folds()}. */
    public double validation() {
        return validation;
    }

    /** The task, or null to detect it from the target column. */
    public Task task() {
        return task;
    }

    /** {@code standard}, {@code minmax} or {@code none}, or null for the source's default; folds always standardize. */
    public String scaling() {
        return scaling;
    }

    /** How a CSV data set is read: delimiter, missing cells, categorical columns (since 2.4). */
    public TableOptions table() {
        return table;
    }

    /** The search space in the search-space syntax. */
    public String space() {
        return space;
    }

    /** The strategy's name. */
    public String strategy() {
        return strategy;
    }

    /** Strategy options by name, e.g. {@code grid-points=4}, {@code eta=3}. */
    public Map<String, String> options() {
        return options;
    }

    /** The most trials to run, ≥ 1. */
    public int trials() {
        return trials;
    }

    /** Epochs per trial (the strategies' budget), ≥ 1. */
    public int epochs() {
        return epochs;
    }

    /** The most epochs of all trials together, 0 for no limit. */
    public long totalEpochs() {
        return totalEpochs;
    }

    /** The study seed: the data split, the proposals and each trial's training seed derive from it. */
    public long seed() {
        return seed;
    }

    /** The objective, e.g. {@code val_accuracy}, or null for the task's default. */
    public String metric() {
        return metric;
    }

    /** {@value #MEDIAN}, {@value #HALVING} or {@value #NO_PRUNER}. */
    public String pruner() {
        return pruner;
    }

    /** k of k-fold cross-validation (the objective is the mean over the folds), or 0 for a validation split. */
    public int folds() {
        return folds;
    }

    /** The outcomes a proposal cannot see: trial n's proposal sees trials 0 … n − lag − 1 only. */
    public int lag() {
        return lag;
    }

    /** Trials trained at the same time, ≥ 1; results do not depend on it. */
    public int parallel() {
        return parallel;
    }

    /**
     * The request every trial starts from: the searched values are set on it, and the trial's
     * epochs and seed replace its own.
     */
    public TrainingRequest base() {
        return base;
    }

    /**
     * Checks a study name: letters, digits, {@code .}, {@code _} and {@code -}, starting with a
     * letter or digit, at most 200 characters.
     *
     * @throws IllegalArgumentException for another name
     */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid study name '" + (name == null ? "" : name)
                    + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    /**
     * The settings a resumed study must share with the saved one, by name, in a stable order
     * (the base request as the trainer sees it; the tuner writes it down by option names).
     */
    public Map<String, Object> identity() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("target", target);
        m.put("validation", validation);
        m.put("task", task == null ? null : task.name().toLowerCase(Locale.ROOT));
        m.put("scaling", scaling);
        m.put("table", table);
        m.put("space", space);
        m.put("strategy", strategy);
        m.put("options", options);
        m.put("epochs", epochs);
        m.put("seed", seed);
        m.put("metric", metric);
        m.put("pruner", pruner);
        m.put("folds", folds);
        m.put("lag", lag);
        m.put("base", base);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudySettings s && Objects.equals(name, s.name) && identity().equals(s.identity())
                && trials == s.trials && totalEpochs == s.totalEpochs && parallel == s.parallel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, identity(), trials, totalEpochs, parallel);
    }

    @Override
    public String toString() {
        return "StudySettings[name=" + name + ", " + identity() + ", trials=" + trials + ", totalEpochs=" + totalEpochs
                + ", parallel=" + parallel + "]";
    }

    /**
     * The mutable companion of {@link StudySettings}. Each setter checks its value and throws
     * {@link IllegalArgumentException} naming the setting and the value; {@code null} clears an
     * optional one back to its default.
     */
    public static final class Builder {
        private String name;
        private String dataset;
        private String target;
        private double validation = 0.2;
        private Task task;
        private String scaling;
        private TableOptions table = TableOptions.DEFAULTS;
        private String space;
        private String strategy = "random";
        private final Map<String, String> options = new LinkedHashMap<>();
        private int trials = 20;
        private int epochs = 20;
        private long totalEpochs;
        private long seed = 42;
        private String metric;
        private String pruner = MEDIAN;
        private int folds;
        private int lag = 4;
        private int parallel = Runtime.getRuntime().availableProcessors();
        private TrainingRequest base = TrainingRequest.builder().build();

        private Builder() {
        }

        private Builder(StudySettings s) {
            name = s.name;
            dataset = s.dataset;
            target = s.target;
            validation = s.validation;
            task = s.task;
            scaling = s.scaling;
            table = s.table;
            space = s.space;
            strategy = s.strategy;
            options.putAll(s.options);
            trials = s.trials;
            epochs = s.epochs;
            totalEpochs = s.totalEpochs;
            seed = s.seed;
            metric = s.metric;
            pruner = s.pruner;
            folds = s.folds;
            lag = s.lag;
            parallel = s.parallel;
            base = s.base;
        }

        /** The study's name (see {@link #checkName}), or null for a study that is not saved. */
        public Builder name(String value) {
            if (value != null) {
                checkName(value);
            }
            name = value;
            return this;
        }

        public Builder dataset(String value) {
            dataset = text(value, "data set");
            return this;
        }

        /** The CSV target column, or null for the last. */
        public Builder target(String column) {
            target = column == null ? null : text(column, "target column");
            return this;
        }

        /** In [0, 1). */
        public Builder validation(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("the validation fraction must be in [0, 1), got " + fraction);
            }
            validation = fraction;
            return this;
        }

        /** The task, or null to detect it. */
        public Builder task(Task value) {
            task = value;
            return this;
        }

        /** {@code standard}, {@code minmax} or {@code none}, or null for the source's default. */
        public Builder scaling(String value) {
            if (value != null && !value.equals("standard") && !value.equals("minmax") && !value.equals("none")) {
                throw new IllegalArgumentException("unknown scaling '" + value + "' (available: standard, minmax, none)");
            }
            scaling = value;
            return this;
        }

        /** How a CSV data set is read; null for {@link TableOptions#DEFAULTS} (since 2.4). */
        public Builder table(TableOptions value) {
            table = value == null ? TableOptions.DEFAULTS : value;
            return this;
        }

        /** The search space's text; the tuner parses it. */
        public Builder space(String text) {
            space = text(text, "search space");
            return this;
        }

        public Builder strategy(String value) {
            strategy = text(value, "strategy");
            return this;
        }

        /** Replaces the strategy options (names and values as the strategy reads them). */
        public Builder options(Map<String, String> values) {
            Map<String, String> checked = new LinkedHashMap<>();
            values.forEach((k, v) -> checked.put(text(k, "strategy option name"), text(v, "value of strategy option " + k)));
            options.clear();
            options.putAll(checked);
            return this;
        }

        /** ≥ 1. */
        public Builder trials(int count) {
            trials = positive(count, "the number of trials");
            return this;
        }

        /** Epochs per trial, ≥ 1, and within the total limit. */
        public Builder epochs(int count) {
            positive(count, "the number of epochs per trial");
            requireFits(totalEpochs, count);
            epochs = count;
            return this;
        }

        /** The most epochs of all trials together, ≥ the epochs of one trial. */
        public Builder totalEpochs(long limit) {
            positive(limit, "the total number of epochs");
            requireFits(limit, epochs);
            totalEpochs = limit;
            return this;
        }

        /** No limit on the epochs of all trials together. */
        public Builder noEpochLimit() {
            totalEpochs = 0;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The objective ({@code loss}, a metric, or {@code val_} of either), or null for the task's default. */
        public Builder metric(String name) {
            metric = name == null ? null : text(name, "metric");
            return this;
        }

        /** {@value #MEDIAN}, {@value #HALVING} or {@value #NO_PRUNER}. */
        public Builder pruner(String name) {
            if (!MEDIAN.equals(name) && !HALVING.equals(name) && !NO_PRUNER.equals(name)) {
                throw new IllegalArgumentException("unknown pruner '" + name + "' (available: median, halving, none)");
            }
            pruner = name;
            return this;
        }

        /** k-fold cross-validation, k ≥ 2. */
        public Builder folds(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
            }
            folds = k;
            return this;
        }

        /** A training/validation split instead of folds. */
        public Builder noFolds() {
            folds = 0;
            return this;
        }

        /** ≥ 0; 0 makes the study sequential in what each proposal sees. */
        public Builder lag(int trialsHidden) {
            if (trialsHidden < 0) {
                throw new IllegalArgumentException("the lag must be an integer >= 0, got " + trialsHidden);
            }
            lag = trialsHidden;
            return this;
        }

        /** Workers, ≥ 1. */
        public Builder parallel(int workers) {
            parallel = positive(workers, "the number of trials trained at the same time");
            return this;
        }

        /** The request every trial starts from. */
        public Builder base(TrainingRequest request) {
            base = Objects.requireNonNull(request, "base request");
            return this;
        }

        public StudySettings build() {
            return new StudySettings(this);
        }

        private static void requireFits(long limit, int perTrial) {
            if (limit > 0 && limit < perTrial) {
                throw new IllegalArgumentException("a total of " + limit + " epochs does not allow one trial of " + perTrial + " epochs");
            }
        }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be a positive integer, got " + value);
            }
            return value;
        }

        private static void positive(long value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be a positive integer, got " + value);
            }
        }

        private static String text(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the " + what + " must not be empty");
            }
            return value.trim();
        }
    }
}
