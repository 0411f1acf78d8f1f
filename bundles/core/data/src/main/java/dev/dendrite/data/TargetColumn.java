package dev.dendrite.data;

import dev.dendrite.api.data.Task;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Decides what a CSV target column ({@link ColumnBuffer}, missing cells already refused or their
 * rows left out) is and encodes it. Without a given task (the rule of
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

    /**
     * Encodes the target of rows {@code rows} (every row when null) of {@code column}.
     *
     * @param task  the task, or null to detect it
     * @param where names row j in error messages, e.g. {@code diabetes.csv line 3, column 9 (Outcome)}
     * @throws IllegalArgumentException for a value that is not a number when the task is regression,
     *                                  and for a class label that spells a non-finite number
     */
    static TargetColumn of(ColumnBuffer column, int[] rows, Task task, IntFunction<String> where) {
        int m = rows == null ? column.size() : rows.length;
        double[] numbers = new double[m];
        for (int k = 0; k < m; k++) {
            int j = rows == null ? k : rows[k];
            numbers[k] = column.number(j);
            if (Double.isNaN(numbers[k])) {
                if (task == Task.REGRESSION) {
                    throw notANumber(column.label(j), where.apply(j));
                }
                return labels(column, rows, m, where);
            }
        }
        double[] distinct = fewDistinct(numbers);
        if (distinct == null && task == Task.CLASSIFICATION) {
            distinct = allDistinct(numbers);
        }
        boolean fewIntegers = distinct != null && distinct.length <= MAX_CLASSES && distinct.length < numbers.length / 2.0
                && Arrays.stream(distinct).allMatch(v -> v == Math.rint(v));
        if (task == Task.CLASSIFICATION || task == null && fewIntegers) {
            for (int j = 0; j < numbers.length; j++) {
                numbers[j] = Arrays.binarySearch(distinct, numbers[j]); // class indices in place
            }
            return new TargetColumn(Task.CLASSIFICATION, Arrays.stream(distinct).mapToObj(TargetColumn::plain).toList(), numbers);
        }
        return new TargetColumn(Task.REGRESSION, List.of(), numbers);
    }

    /** The sorted distinct values when there are at most {@value #MAX_CLASSES}, else null; no copy of the values is made. */
    private static double[] fewDistinct(double[] numbers) {
        double[] distinct = new double[MAX_CLASSES];
        int k = 0;
        for (double v : numbers) {
            int i = 0;
            while (i < k && distinct[i] != v) {
                i++;
            }
            if (i == k) {
                if (k == MAX_CLASSES) {
                    return null;
                }
                distinct[k++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(distinct, k);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The sorted distinct values. */
    private static double[] allDistinct(double[] numbers) {
        double[] sorted = numbers.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }

    /**
     * Encodes the target of every row the way a trained model knows it: class indices into
     * {@code classes}, or values for regression.
     *
     * @throws IllegalArgumentException for a label not in {@code classes} or, for regression, a value that is not a number
     */
    static double[] encode(ColumnBuffer column, int[] rows, Task task, List<String> classes, IntFunction<String> where) {
        int m = rows == null ? column.size() : rows.length;
        double[] targets = new double[m];
        Map<Integer, Integer> textIndex = new HashMap<>();
        for (int k = 0; k < m; k++) {
            int j = rows == null ? k : rows[k];
            int code = column.code(j);
            if (task == Task.CLASSIFICATION) {
                targets[k] = code >= 0
                        ? textIndex.computeIfAbsent(code, c -> classIndex(column.texts().get(c), classes, where.apply(j)))
                        : classIndex(column.label(j), classes, where.apply(j));
            } else {
                targets[k] = column.number(j);
                if (Double.isNaN(targets[k])) {
                    throw notANumber(column.label(j), where.apply(j));
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
        double number = Decimal.parse(label);
        if (index < 0 && !Double.isNaN(number)) {
            index = classes.indexOf(plain(number));
        }
        if (index < 0) {
            String known = String.join(", ", classes);
            throw new IllegalArgumentException(where + ": class " + CsvTable.shown(label) + " was not seen in training (known: "
                    + (known.length() > 200 ? known.substring(0, 200) + "…" : known) + ")");
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
        return new IllegalArgumentException(where + ": target " + CsvTable.shown(value)
                + " is not a number; a regression target must be numeric");
    }

    /** Classes of labels (texts, and numbers written plainly); a non-finite number is refused, not taken for a class. */
    private static TargetColumn labels(ColumnBuffer column, int[] rows, int m, IntFunction<String> where) {
        List<String> texts = column.texts();
        for (int t = 0; t < texts.size(); t++) {
            if (nonFinite(texts.get(t))) {
                for (int k = 0; k < m; k++) {
                    int j = rows == null ? k : rows[k];
                    if (column.code(j) == t) {
                        throw new IllegalArgumentException(where.apply(j) + ": class label " + CsvTable.shown(texts.get(t))
                                + " is not a finite number");
                    }
                }
            }
        }
        String[] label = new String[m];
        TreeSet<String> distinct = new TreeSet<>();
        for (int k = 0; k < m; k++) {
            label[k] = column.label(rows == null ? k : rows[k]);
            distinct.add(label[k]);
        }
        List<String> classes = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        double[] targets = new double[m];
        for (int k = 0; k < m; k++) {
            targets[k] = index.get(label[k]);
        }
        return new TargetColumn(Task.CLASSIFICATION, classes, targets);
    }
}
