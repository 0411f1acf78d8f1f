package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;

/**
 * How targets become the output matrix Y (n[L], m) and how outputs are scored. Regression and
 * two classes with one output: Y is the value / the class index (0 or 1). More outputs: Y is
 * one-hot. The metric is accuracy for classification, mean squared error for regression.
 */
final class Targets {
    private final Task task;
    private final int outputs;

    Targets(Task task, int outputs) {
        this.task = task;
        this.outputs = outputs;
    }

    /** n[L] for a data set: 1 for regression and for two classes unless the output is softmax. */
    static int outputsFor(DataSet data, String outputActivation) {
        if (data.task() == Task.REGRESSION) {
            return 1;
        }
        int classes = data.classes().size();
        return classes == 2 && !"softmax".equals(outputActivation) ? 1 : classes;
    }

    String metricName() {
        return task == Task.CLASSIFICATION ? "accuracy" : "mse";
    }

    /** Writes the targets of samples {@code index[from … from+m)} as columns of {@code y} (n[L], m). */
    void encode(double[] targets, int[] index, int from, Matrix y) {
        int m = y.cols();
        double[] v = y.data();
        if (outputs == 1) {
            for (int j = 0; j < m; j++) {
                v[j] = targets[index[from + j]];
            }
            return;
        }
        java.util.Arrays.fill(v, 0.0);
        for (int j = 0; j < m; j++) {
            v[(int) targets[index[from + j]] * m + j] = 1.0;
        }
    }

    /**
     * The metric's sum over the batch: correct predictions for classification, squared error for
     * regression (divide by the sample count for the metric).
     */
    double score(Matrix a, double[] targets, int[] index, int from) {
        int m = a.cols();
        double[] v = a.data();
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double t = targets[index[from + j]];
            if (task == Task.REGRESSION) {
                double d = v[j] - t;
                sum += d * d;
            } else if (predictedClass(v, outputs, m, j) == (int) t) {
                sum += 1;
            }
        }
        return sum;
    }

    /** The predicted class of column j of an (outputs, m) output: threshold 0.5 or arg-max. */
    static int predictedClass(double[] a, int outputs, int m, int j) {
        if (outputs == 1) {
            return a[j] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (a[k * m + j] > a[best * m + j]) {
                best = k;
            }
        }
        return best;
    }
}
