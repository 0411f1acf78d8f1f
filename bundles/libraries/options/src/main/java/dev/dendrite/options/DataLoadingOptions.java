package dev.dendrite.options;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.Task;
import java.util.List;
import java.util.Locale;

/**
 * The options of how a data set is loaded and split ({@link DataOptions}), shared by the commands
 * that load one ({@code ml:train}, {@code ml:tune}). Each value is checked by {@link DataOptions}
 * itself when it is read, so a bad one is refused before anything is loaded.
 */
public final class DataLoadingOptions {

    public static final Option<String> TARGET = Option.text("target", "COLUMN", "CSV target column name")
            .defaultText("the last column");
    public static final Option<Double> VAL = Option.of("val", "F", "fraction of the samples held out for validation, in [0, 1)",
            text -> {
                double fraction = Option.number(text);
                new DataOptions(null, fraction, 0);
                return fraction;
            }).defaultText("0.2");
    public static final Option<Task> TASK = Option.of("task", "KIND", "classification or regression",
            text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "classification" -> Task.CLASSIFICATION;
                case "regression" -> Task.REGRESSION;
                default -> throw new IllegalArgumentException("must be classification or regression, got " + Quote.of(text));
            }).writer(task -> task.name().toLowerCase(Locale.ROOT))
            .completion(Completion.of("classification", "regression")).defaultText("detected from the target column");
    public static final Option<String> SCALING = Option.of("scaling", "KIND",
            "feature scaling fitted on the training split: standard, minmax or none", text -> {
                String scaling = Option.nonBlank(text);
                return new DataOptions(null, 0, 0, null, scaling).scaling();
            }).completion(Completion.of("standard", "minmax", "none")).defaultText("standard; none for images");

    /** The default validation fraction. */
    public static final double DEFAULT_VALIDATION = 0.2;

    private DataLoadingOptions() {
    }

    /** The options, in the order of the help. */
    public static List<Option<?>> all() {
        return List.of(VAL, TARGET, TASK, SCALING);
    }

    /** The data options given, with {@code seed} (the run's) for the split and built-in data. */
    public static DataOptions of(Arguments arguments, long seed) {
        return new DataOptions(arguments.get(TARGET), arguments.get(VAL, DEFAULT_VALIDATION), seed, arguments.get(TASK),
                arguments.get(SCALING));
    }
}
