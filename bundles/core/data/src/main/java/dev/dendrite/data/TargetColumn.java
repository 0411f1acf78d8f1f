package dev.dendrite.data;

import dev.dendrite.api.data.Task;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Decides what a CSV target column is and encodes it. Without a given task (the rule of
 * {@link DefaultDataService}):
 * <ul>
 *   <li>every value a number, all integers, at most {@value #MAX_CLASSES} distinct values and fewer
 *       distinct values than half the rows: classification;</li>
 *   <li>every value a number otherwise: regression, the target is the value;</li>
 *   <li>any value not a number: classification.</li>
 * </ul>
 * A given task overrides the rule: classification of numbers takes every distinct value as a
 * class; regression requires every value to be a number. Numeric labels are sorted numerically
 * and written plainly ({@code 1.0} → {@code "1"}, {@code 2.50} → {@code "2.5"}); other labels are
 * sorted as strings (by UTF-16 code units, {@link String#compareTo}), so the order does not depend
 * on the rows' order. For classification the target of a row is the index of its label.
 *
 * @param task    classification or regression
 * @param classes the sorted labels, empty for regression
 * @param targets one target per row
 */
record TargetColumn(Task task, List<String> classes, double[] targets) {
    static final int MAX_CLASSES = 20;

    /** Labels that mark a missing value (compared in upper case); an empty cell is refused before. */
    private static final Set<String> MISSING = Set.of("NA", "N/A", "NULL", "?");

    /**
     * Encodes the raw (non-empty) target values of every row.
     *
     * @param task  the task, or null to detect it
     * @param where names row j in error messages, e.g. {@code diabetes.csv line 3, column 9 (Outcome)}
     * @throws IllegalArgumentException for a value that is not a number when the task is regression,
     *                                  and for a class label that marks a missing value ({@code NA},
     *                                  {@code N/A}, {@code NULL}, {@code ?}) or spells a non-finite number
     */
    static TargetColumn of(List<String> values, Task task, IntFunction<String> where) {
        double[] numbers = new double[values.size()];
        for (int j = 0; j < numbers.length; j++) {
            numbers[j] = CsvFields.number(values.get(j));
            if (Double.isNaN(numbers[j])) {
                if (task == Task.REGRESSION) {
                    throw notANumber(values.get(j), where.apply(j));
                }
                return labels(values, where);
            }
        }
        TreeSet<Double> distinct = new TreeSet<>();
        boolean integers = true;
        for (double v : numbers) {
            distinct.add(v);
            integers &= v == Math.rint(v);
        }
        boolean fewIntegers = integers && distinct.size() <= MAX_CLASSES && distinct.size() < numbers.length / 2.0;
        if (task == Task.CLASSIFICATION || task == null && fewIntegers) {
            List<Double> sorted = List.copyOf(distinct);
            double[] targets = new double[numbers.length];
            for (int j = 0; j < targets.length; j++) {
                targets[j] = Collections.binarySearch(sorted, numbers[j]);
            }
            return new TargetColumn(Task.CLASSIFICATION, sorted.stream().map(TargetColumn::plain).toList(), targets);
        }
        return new TargetColumn(Task.REGRESSION, List.of(), numbers);
    }

    /**
     * Encodes the raw target values the way a trained model knows them: class indices into
     * {@code classes}, or values for regression.
     *
     * @throws IllegalArgumentException for a label not in {@code classes} or, for regression, a value that is not a number
     */
    static double[] encode(List<String> values, Task task, List<String> classes, IntFunction<String> where) {
        double[] targets = new double[values.size()];
        for (int j = 0; j < targets.length; j++) {
            String value = values.get(j);
            if (task == Task.CLASSIFICATION) {
                targets[j] = classIndex(value, classes, where.apply(j));
            } else {
                targets[j] = CsvFields.number(value);
                if (Double.isNaN(targets[j])) {
                    throw notANumber(value, where.apply(j));
                }
            }
        }
        return targets;
    }

    /**
     * The index of {@code label} in {@code classes}; a number matches its plain form ({@code 3.0} is class {@code "3"}).
     *
     * @throws IllegalArgumentException naming {@code where} and the known classes when there is none
     */
    static int classIndex(String label, List<String> classes, String where) {
        int index = classes.indexOf(label);
        double number = CsvFields.number(label);
        if (index < 0 && !Double.isNaN(number)) {
            index = classes.indexOf(plain(number));
        }
        if (index < 0) {
            throw new IllegalArgumentException(where + ": class '" + label + "' was not seen in training (known: "
                    + String.join(", ", classes) + ")");
        }
        return index;
    }

    /** Whether {@code value} spells NaN or an infinity ({@code inf}, {@code -Infinity}, {@code 1e999}). */
    private static boolean nonFinite(String value) {
        if (value.toLowerCase(Locale.ROOT).matches("[+-]?(nan|inf|infinity)")) {
            return true;
        }
        try {
            return !Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** {@code value} without exponent or trailing zeros: {@code 3}, {@code 2.5}, {@code 0.001}. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static IllegalArgumentException notANumber(String value, String where) {
        return new IllegalArgumentException(where + ": target '" + value + "' is not a number; a regression target must be numeric");
    }

    /** Classes of text labels; a missing-value marker or a non-finite number is refused, not taken for a class. */
    private static TargetColumn labels(List<String> values, IntFunction<String> where) {
        for (int j = 0; j < values.size(); j++) {
            String value = values.get(j);
            if (MISSING.contains(value.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where.apply(j) + ": class label '" + value
                        + "' marks a missing value; every row needs a class");
            }
            if (nonFinite(value)) {
                throw new IllegalArgumentException(where.apply(j) + ": class label '" + value + "' is not a finite number");
            }
        }
        List<String> classes = List.copyOf(new TreeSet<>(values));
        double[] targets = values.stream().mapToDouble(v -> Collections.binarySearch(classes, v)).toArray();
        return new TargetColumn(Task.CLASSIFICATION, classes, targets);
    }
}
