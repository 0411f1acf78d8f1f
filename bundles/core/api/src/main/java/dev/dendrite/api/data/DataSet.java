package dev.dendrite.api.data;

import dev.dendrite.api.math.Matrix;
import java.util.List;

/**
 * Samples with their targets. Features X are (n[0], m): one column a sample. For
 * classification, {@code targets[j]} is the index of sample j's class in {@code classes};
 * for regression it is the value and {@code classes} is empty.
 *
 * @param name         where the data came from (built-in name or file)
 * @param featureNames n[0] names
 * @param x            X (n[0], m)
 * @param targets      m targets
 * @param task         classification or regression
 * @param classes      class labels in index order
 */
public record DataSet(String name, List<String> featureNames, Matrix x, double[] targets, Task task, List<String> classes) {

    public DataSet {
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
        if (featureNames.size() != x.rows()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + x.rows() + " features");
        }
        if (targets.length != x.cols()) {
            throw new IllegalArgumentException(targets.length + " targets for " + x.cols() + " samples");
        }
    }

    /** m, the number of samples. */
    public int samples() {
        return x.cols();
    }

    /** n[0], the number of features. */
    public int features() {
        return x.rows();
    }

    /** The samples at {@code columns}, in that order (copied). */
    public DataSet select(int[] columns) {
        int n = features();
        int m = samples();
        Matrix sub = new Matrix(n, columns.length);
        double[] t = new double[columns.length];
        double[] src = x.data();
        double[] dst = sub.data();
        for (int r = 0; r < n; r++) {
            int from = r * m;
            int to = r * columns.length;
            for (int j = 0; j < columns.length; j++) {
                dst[to + j] = src[from + columns[j]];
            }
        }
        for (int j = 0; j < columns.length; j++) {
            t[j] = targets[columns[j]];
        }
        return new DataSet(name, featureNames, sub, t, task, classes);
    }
}
