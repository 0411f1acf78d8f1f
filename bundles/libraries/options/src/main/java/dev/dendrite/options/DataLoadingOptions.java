package dev.dendrite.options;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.TableOptions.Missing;
import dev.dendrite.api.data.TableOptions.Unseen;
import dev.dendrite.api.data.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of how a data set is loaded and split ({@link DataOptions}) and how a table file is
 * read ({@link TableOptions}: delimiter, missing cells, categorical columns, unseen categories),
 * shared by the commands that load one ({@code ml:train}; {@code ml:eval} and {@code ml:predict}
 * take the reading options). Each value is checked when it is read, so a bad one is refused before
 * anything is loaded.
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

    public static final Option<Character> DELIMITER = Option.of("delimiter", "D",
            "the CSV delimiter: comma, semicolon, tab or pipe (or quoted: ',' ';' '|')", DataLoadingOptions::delimiter)
            .writer(d -> switch (d) {
                case ';' -> "semicolon";
                case '\t' -> "tab";
                case '|' -> "pipe";
                default -> "comma";
            })
            .completion(Completion.of("comma", "semicolon", "tab", "pipe")).defaultText("detected from the header and the first lines");
    public static final Option<Missing> MISSING = Option.of("missing", "HOW",
            "what a missing cell (empty, " + String.join(", ", TableOptions.MISSING_MARKERS)
                    + ") becomes: error, drop (the row), mean, median or most_frequent (fitted on the training split, kept with the model)",
            Missing::of).writer(Missing::spelling)
            .completion(Completion.of("error", "drop", "mean", "median", "most_frequent")).defaultText("error");
    public static final Option<List<String>> CATEGORICAL = Option.of("categorical", "COLUMNS",
            "feature columns one-hot encoded: auto (every column with text) or COLUMN,COLUMN,…", DataLoadingOptions::columns)
            .writer(columns -> String.join(",", columns)).completion(Completion.of(TableOptions.AUTO)).defaultText("none");
    public static final Option<Unseen> UNSEEN = Option.of("unseen", "HOW",
            "what a category the model did not see in training becomes: error or zeros (none of the model's categories)",
            Unseen::of).writer(Unseen::spelling).completion(Completion.of("error", "zeros")).defaultText("error");

    /** The default validation fraction. */
    public static final double DEFAULT_VALIDATION = 0.2;

    private DataLoadingOptions() {
    }

    /** The options, in the order of the help. */
    public static List<Option<?>> all() {
        return List.of(VAL, TARGET, TASK, SCALING, DELIMITER, MISSING, CATEGORICAL, UNSEEN);
    }

    /** The options of how a table is read ({@link TableOptions}), in the order of the help. */
    public static List<Option<?>> tableOptions() {
        return List.of(DELIMITER, MISSING, CATEGORICAL, UNSEEN);
    }

    /** The options of reading a table with a trained model's schema ({@code ml:eval}, {@code ml:predict}). */
    public static List<Option<?>> reading() {
        return List.of(DELIMITER, UNSEEN);
    }

    /** The data options given, with {@code seed} (the run's) for the split and built-in data. */
    public static DataOptions of(Arguments arguments, long seed) {
        return new DataOptions(arguments.get(TARGET), arguments.get(VAL, DEFAULT_VALIDATION), seed, arguments.get(TASK),
                arguments.get(SCALING), table(arguments));
    }

    /** How a table is read, as the options given say (the defaults of {@link TableOptions} for those not given). */
    public static TableOptions table(Arguments arguments) {
        return new TableOptions(arguments.get(DELIMITER), arguments.get(MISSING), arguments.get(CATEGORICAL), arguments.get(UNSEEN));
    }

    /**
     * The table options that differ from {@link TableOptions#DEFAULTS}, as option name → text that
     * {@link #table(Map)} reads back (a study's journal keeps them so).
     */
    public static Map<String, String> describe(TableOptions table) {
        Map<String, String> described = new LinkedHashMap<>();
        TableOptions defaults = TableOptions.DEFAULTS;
        if (table.delimiter() != null) {
            described.put(DELIMITER.name(), DELIMITER.write(table.delimiter()));
        }
        if (table.missing() != defaults.missing()) {
            described.put(MISSING.name(), MISSING.write(table.missing()));
        }
        if (!table.categorical().isEmpty()) {
            described.put(CATEGORICAL.name(), CATEGORICAL.write(table.categorical()));
        }
        if (table.unseen() != defaults.unseen()) {
            described.put(UNSEEN.name(), UNSEEN.write(table.unseen()));
        }
        return described;
    }

    /**
     * The table options {@code described} (option name → text, as {@link #describe} writes them),
     * the defaults for the others.
     *
     * @throws IllegalArgumentException naming an option that is not a table option, or a bad value
     */
    public static TableOptions table(Map<String, String> described) {
        for (String name : described.keySet()) {
            if (tableOptions().stream().noneMatch(o -> o.name().equals(name))) {
                throw new IllegalArgumentException(Quote.of(name) + " is not a table option");
            }
        }
        TableOptions defaults = TableOptions.DEFAULTS;
        return new TableOptions(read(DELIMITER, described, defaults.delimiter()), read(MISSING, described, defaults.missing()),
                read(CATEGORICAL, described, defaults.categorical()), read(UNSEEN, described, defaults.unseen()));
    }

    private static <T> T read(Option<T> option, Map<String, String> described, T otherwise) {
        String text = described.get(option.name());
        return text == null ? otherwise : option.read(text);
    }

    private static char delimiter(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "|", "pipe" -> '|';
            case "tab", "\\t" -> '\t';
            default -> text.equals("\t") ? '\t'
                    : throwing("must be comma, semicolon, tab or pipe (or , ; |), got " + Quote.of(text));
        };
    }

    private static char throwing(String message) {
        throw new IllegalArgumentException(message);
    }

    private static List<String> columns(String text) {
        List<String> columns = new ArrayList<>();
        for (String column : text.split(",", -1)) {
            if (column.isBlank()) {
                throw new IllegalArgumentException("needs column names separated by commas, or auto, got " + Quote.of(text));
            }
            columns.add(column.trim());
        }
        if (columns.contains(TableOptions.AUTO) && columns.size() > 1) {
            throw new IllegalArgumentException("is auto or a list of columns, not both");
        }
        if (new HashSet<>(columns).size() < columns.size()) {
            throw new IllegalArgumentException("names a column twice: " + Quote.of(text));
        }
        return List.copyOf(columns);
    }
}
