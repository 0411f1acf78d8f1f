package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Helpers shared by the built-in generators: evenly spaced values and the assembly of feature
 * arrays into a {@link DataSet} with X (n[0], m), one column a sample.
 */
final class Synthetic {

    /** The feature names of every two-feature built-in. */
    static final List<String> PLANE = List.of("x1", "x2");

    private Synthetic() {
    }

    /**
     * {@code count} evenly spaced values from {@code start}: with {@code endpoint} the last one is
     * {@code end} (numpy {@code linspace(start, end, count)}), without it the step is
     * (end − start)/count and {@code end} is excluded ({@code endpoint=False}).
     */
    static double[] linspace(double start, double end, int count, boolean endpoint) {
        int intervals = endpoint ? Math.max(count - 1, 1) : count;
        double step = (end - start) / intervals;
        return IntStream.range(0, count).mapToDouble(i -> start + i * step).toArray();
    }

    /** The class labels "0" … "k−1". */
    static List<String> classLabels(int k) {
        return IntStream.range(0, k).mapToObj(Integer::toString).toList();
    }

    /**
     * A classification set of points (x1[j], x2[j]) with class index {@code labels[j]} into
     * {@code classes} labels "0" … "classes−1".
     */
    static DataSet plane(String name, double[] x1, double[] x2, double[] labels, int classes) {
        return new DataSet(name, PLANE, rows(x1, x2), labels, Task.CLASSIFICATION, classLabels(classes));
    }

    /** A regression set with one feature named {@code feature}: samples (x[j], y[j]). */
    static DataSet curve(String name, String feature, double[] x, double[] y) {
        return new DataSet(name, List.of(feature), rows(x), y, Task.REGRESSION, List.of());
    }

    /** The matrix whose row i is {@code features[i]} (all of length m). */
    private static Matrix rows(double[]... features) {
        int m = features[0].length;
        double[] data = new double[features.length * m];
        for (int i = 0; i < features.length; i++) {
            System.arraycopy(features[i], 0, data, i * m, m);
        }
        return Matrix.wrap(features.length, m, data);
    }
}
