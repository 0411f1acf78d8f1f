package dev.dendrite.data;

import dev.dendrite.api.data.Task;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides what a CSV target column is and encodes it (the rule of {@link CsvDataService}):
 * <ul>
 *   <li>every value a number, all integers, at most {@value #MAX_CLASSES} distinct values and fewer
 *       distinct values than half the rows: classification, labels sorted numerically and
 *       written as integers ({@code 1.0} → {@code "1"});</li>
 *   <li>every value a number otherwise: regression, the target is the value;</li>
 *   <li>any value not a number: classification, labels sorted as strings (by UTF-16 code units,
 *       {@link String#compareTo}), so the order does not depend on the rows' order.</li>
 * </ul>
 * For classification the target of a row is the index of its label.
 *
 * @param task    classification or regression
 * @param classes the sorted labels, empty for regression
 * @param targets one target per row
 */
record TargetColumn(Task task, List<String> classes, double[] targets) {
    static final int MAX_CLASSES = 20;

    /** Encodes the raw (non-empty) target values of every row. */
    static TargetColumn of(List<String> values) {
        double[] numbers = new double[values.size()];
        for (int j = 0; j < numbers.length; j++) {
            numbers[j] = CsvFields.number(values.get(j));
            if (Double.isNaN(numbers[j])) {
                return labels(values);
            }
        }
        TreeSet<Double> distinct = new TreeSet<>();
        boolean integers = true;
        for (double v : numbers) {
            distinct.add(v);
            integers &= v == Math.rint(v) && Math.abs(v) < 1e15;
        }
        if (integers && distinct.size() <= MAX_CLASSES && distinct.size() < numbers.length / 2.0) {
            List<Double> sorted = List.copyOf(distinct);
            double[] targets = new double[numbers.length];
            for (int j = 0; j < targets.length; j++) {
                targets[j] = Collections.binarySearch(sorted, numbers[j]);
            }
            List<String> classes = sorted.stream().map(v -> Long.toString(v.longValue())).toList();
            return new TargetColumn(Task.CLASSIFICATION, classes, targets);
        }
        return new TargetColumn(Task.REGRESSION, List.of(), numbers);
    }

    private static TargetColumn labels(List<String> values) {
        List<String> classes = List.copyOf(new TreeSet<>(values));
        double[] targets = values.stream().mapToDouble(v -> Collections.binarySearch(classes, v)).toArray();
        return new TargetColumn(Task.CLASSIFICATION, classes, targets);
    }
}
