package dev.dendrite.api.data;

import java.util.List;
import java.util.Locale;

/**
 * How a table (CSV) file is read: its delimiter, what a missing cell becomes, which feature
 * columns are categories (one-hot encoded), and what a category the model never saw becomes.
 * Other sources ignore these.
 *
 * <p>A missing cell is an empty field or one of {@link #MISSING_MARKERS} (in any letter case).
 *
 * @param delimiter   one of {@code , ; \t |}, or null to detect it from the header and the first lines
 * @param missing     what a missing cell becomes when a data set is read for training
 * @param categorical null or empty for none; {@code ["auto"]} for every column with a value that
 *                    is neither a number nor missing; otherwise the columns' names
 * @param unseen      what a category a model did not see in training becomes when it reads a file
 */
public record TableOptions(Character delimiter, Missing missing, List<String> categorical, Unseen unseen) {

    /** The words that mark a missing cell, besides an empty field; compared in any letter case. */
    public static final List<String> MISSING_MARKERS = List.of("NA", "N/A", "NaN", "NULL", "?");

    /** The delimiters a table may use. */
    public static final String DELIMITERS = ",;\t|";

    /** The categorical setting that encodes every non-numeric column. */
    public static final String AUTO = "auto";

    /** Detected delimiter, missing cells an error, no categorical columns, unseen categories an error. */
    public static final TableOptions DEFAULTS = new TableOptions(null, Missing.ERROR, List.of(), Unseen.ERROR);

    /** What a missing cell becomes in training; imputed values are fitted on the training split and kept with the model. */
    public enum Missing {
        /** Refused, naming the first one. */
        ERROR,
        /** Its row is left out. */
        DROP,
        /** The column's mean (numeric columns; a categorical column takes its most frequent category). */
        MEAN,
        /** The column's median (numeric columns; a categorical column takes its most frequent category). */
        MEDIAN,
        /** The column's most frequent value or category. */
        MOST_FREQUENT;

        /** The option's spelling: {@code most_frequent}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The strategy spelled {@code name} (any case). */
        public static Missing of(String name) {
            for (Missing m : values()) {
                if (m.spelling().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("must be error, drop, mean, median or most_frequent, got '" + name + "'");
        }
    }

    /** What a category not seen in training becomes when a model reads a file. */
    public enum Unseen {
        /** Refused, naming the line, the column and the value. */
        ERROR,
        /** Encoded as all zeros: none of the model's categories. */
        ZEROS;

        /** The option's spelling. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The policy spelled {@code name} (any case). */
        public static Unseen of(String name) {
            for (Unseen u : values()) {
                if (u.spelling().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return u;
                }
            }
            throw new IllegalArgumentException("must be error or zeros, got '" + name + "'");
        }
    }

    public TableOptions {
        if (delimiter != null && DELIMITERS.indexOf(delimiter) < 0) {
            throw new IllegalArgumentException("the delimiter must be one of , ; tab |");
        }
        missing = missing == null ? Missing.ERROR : missing;
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        unseen = unseen == null ? Unseen.ERROR : unseen;
        if (categorical.contains(AUTO) && categorical.size() > 1) {
            throw new IllegalArgumentException("categorical columns are 'auto' or a list of columns, not both");
        }
    }

    /** Whether every non-numeric column is categorical. */
    public boolean autoCategorical() {
        return categorical.equals(List.of(AUTO));
    }
}
