package dev.dendrite.api.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One column of a table file as a model reads it: a number, one input feature named as the
 * column; or a category, one-hot encoded as one input feature per category, named
 * {@code COLUMN=CATEGORY} (1 for the row's category, 0 for the others). Missing cells take
 * {@code fill}, fitted on the training split.
 *
 * @param name       the column's name in the file's header
 * @param categories the categories in input order; empty for a numeric column
 * @param fill       the value of a missing cell: for a numeric column the number, for a
 *                   categorical one the index of a category; NaN when a missing cell is an error
 */
public record FeatureColumn(String name, List<String> categories, double fill) {

    public FeatureColumn {
        categories = List.copyOf(categories);
        if (!Double.isNaN(fill) && !categories.isEmpty() && (fill < 0 || fill >= categories.size() || fill != Math.rint(fill))) {
            throw new IllegalArgumentException("column '" + name + "': fill " + fill + " is not the index of one of its "
                    + categories.size() + " categories");
        }
        if (Double.isInfinite(fill)) {
            throw new IllegalArgumentException("column '" + name + "': fill must be finite, got " + fill);
        }
    }

    /** A numeric column whose missing cells are an error. */
    public static FeatureColumn numeric(String name) {
        return new FeatureColumn(name, List.of(), Double.NaN);
    }

    /** The numeric columns of {@code names}, one each, whose missing cells are an error. */
    public static List<FeatureColumn> numeric(List<String> names) {
        return names.stream().map(FeatureColumn::numeric).toList();
    }

    public boolean categorical() {
        return !categories.isEmpty();
    }

    /** Whether a missing cell takes {@link #fill}; otherwise it is an error. */
    public boolean filled() {
        return !Double.isNaN(fill);
    }

    /** The input features this column gives: its name, or {@code name=category} for each category. */
    public List<String> featureNames() {
        return categorical() ? categories.stream().map(c -> name + "=" + c).toList() : List.of(name);
    }

    /** The input features of {@code columns}, in order. */
    public static List<String> featureNames(List<FeatureColumn> columns) {
        return columns.stream().flatMap(c -> c.featureNames().stream()).collect(Collectors.toList());
    }
}
