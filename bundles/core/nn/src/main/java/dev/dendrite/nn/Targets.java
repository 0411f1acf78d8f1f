package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Metrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How targets become the output matrix Y (n[L], m) and how outputs are scored. Two classes with
 * one output: Y is the class index (0 or 1); more outputs: Y is one-hot. Predicted class:
 * threshold 0.5 for one output, arg-max otherwise. Regression: Y = (t − μ)/σ, the target
 * standardized with the training split's mean and deviation, and a prediction a stands for
 * σ·a + μ, so the metrics are in the target's own units. Targets already of order one
 * (|μ| ≤ 1 and 0.1 ≤ σ ≤ 10) are left as they are (μ = 0, σ = 1).
 */
final class Targets {
    private final Task task;
    private final int outputs;
    private final int classes;
    private final double mean;
    private final double deviation;

    Targets(Task task, int outputs, int classes) {
        this(task, outputs, classes, 0, 1);
    }

    Targets(Task task, int outputs, int classes, double mean, double deviation) {
        this.task = task;
        this.outputs = outputs;
        this.classes = classes;
        this.mean = mean;
        this.deviation = deviation;
    }

    /** Targets for a training split: regression targets standardized when {@code standardize}. */
    static Targets of(DataSet train, int outputs, boolean standardize) {
        if (train.task() == Task.CLASSIFICATION || !standardize) {
            return new Targets(train.task(), outputs, train.classes().size());
        }
        double sum = 0;
        double[] t = train.targets();
        for (double v : t) {
            sum += v;
        }
        double mu = sum / t.length;
        double sq = 0;
        for (double v : t) {
            sq += (v - mu) * (v - mu);
        }
        double sigma = Math.sqrt(sq / t.length);
        if (Math.abs(mu) <= 1 && sigma >= 0.1 && sigma <= 10) {
            return new Targets(train.task(), outputs, 0);
        }
        return new Targets(train.task(), outputs, 0, mu, sigma > 1e-12 ? sigma : 1);
    }

    /**
     * The inverse of {@link #inTargetUnits}: the output layer of a model that predicts in target
     * units rewritten for standardized targets, W[L] ← W[L]/σ, b[L] ← (b[L] − μ)/σ (to continue
     * training a saved model). Returns new layers; the given ones are not modified.
     */
    java.util.List<dev.dendrite.api.nn.DenseLayer> fromTargetUnits(java.util.List<dev.dendrite.api.nn.DenseLayer> layers) {
        java.util.List<dev.dendrite.api.nn.DenseLayer> copy = new java.util.ArrayList<>();
        for (dev.dendrite.api.nn.DenseLayer layer : layers) {
            copy.add(new dev.dendrite.api.nn.DenseLayer(layer.weights().copy(), layer.bias().copy(), layer.activation()));
        }
        if (mean != 0 || deviation != 1) {
            dev.dendrite.api.nn.DenseLayer last = copy.get(copy.size() - 1);
            double[] w = last.weights().data();
            for (int i = 0; i < w.length; i++) {
                w[i] /= deviation;
            }
            double[] b = last.bias().data();
            for (int i = 0; i < b.length; i++) {
                b[i] = (b[i] - mean) / deviation;
            }
        }
        return copy;
    }

    /**
     * The layers of a model that predicts in target units: for standardized regression the output
     * layer absorbs the inverse transform, W[L] ← σ·W[L], b[L] ← σ·b[L] + μ (exact for a linear
     * output). The layers given are modified.
     */
    java.util.List<dev.dendrite.api.nn.DenseLayer> inTargetUnits(java.util.List<dev.dendrite.api.nn.DenseLayer> layers) {
        if (mean != 0 || deviation != 1) {
            dev.dendrite.api.nn.DenseLayer last = layers.get(layers.size() - 1);
            double[] w = last.weights().data();
            for (int i = 0; i < w.length; i++) {
                w[i] *= deviation;
            }
            double[] b = last.bias().data();
            for (int i = 0; i < b.length; i++) {
                b[i] = deviation * b[i] + mean;
            }
        }
        return layers;
    }

    /** n[L] for a data set: 1 for regression and for two classes unless the output is softmax. */
    static int outputsFor(DataSet data, String outputActivation) {
        if (data.task() == Task.REGRESSION) {
            return 1;
        }
        int classes = data.classes().size();
        return classes == 2 && !"softmax".equals(outputActivation) ? 1 : classes;
    }

    /** The headline metric: {@code accuracy} or {@code mse}. */
    String metricName() {
        return task == Task.CLASSIFICATION ? "accuracy" : "mse";
    }

    /** Writes the targets of samples {@code index[from … from+m)} as columns of {@code y} (n[L], m). */
    void encode(double[] targets, int[] index, int from, Matrix y) {
        int m = y.cols();
        double[] v = y.data();
        if (outputs == 1) {
            for (int j = 0; j < m; j++) {
                v[j] = (targets[index[from + j]] - mean) / deviation;
            }
            return;
        }
        Arrays.fill(v, 0.0);
        for (int j = 0; j < m; j++) {
            v[(int) targets[index[from + j]] * m + j] = 1.0;
        }
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

    Tally tally() {
        return new Tally();
    }

    /** Sums over the batches of one split, turned into {@link Metrics} at the end. */
    final class Tally {
        private final int[][] confusion = task == Task.CLASSIFICATION ? new int[classes][classes] : null;
        private double squared;
        private double absolute;
        private double sum;
        private double sumOfSquares;
        private double cost;
        private int samples;

        /** Adds one batch: outputs A[L] (n[L], m), its cost J, and the samples' targets. */
        void add(Matrix a, double batchCost, double[] targets, int[] index, int from) {
            int m = a.cols();
            double[] v = a.data();
            for (int j = 0; j < m; j++) {
                double t = targets[index[from + j]];
                if (confusion != null) {
                    confusion[(int) t][predictedClass(v, outputs, m, j)]++;
                } else {
                    double d = deviation * v[j] + mean - t;
                    squared += d * d;
                    absolute += Math.abs(d);
                    sum += t;
                    sumOfSquares += t * t;
                }
            }
            cost += batchCost * m;
            samples += m;
        }

        Metrics metrics() {
            Map<String, Double> values = new LinkedHashMap<>();
            if (confusion != null) {
                classification(values);
            } else {
                double mean = sum / samples;
                double total = sumOfSquares - samples * mean * mean;
                values.put("mse", squared / samples);
                values.put("mae", absolute / samples);
                values.put("r2", total > 0 ? 1 - squared / total : Double.NaN);
            }
            return new Metrics(cost / samples, values, confusion);
        }

        private void classification(Map<String, Double> values) {
            long correct = 0;
            double precision = 0;
            double recall = 0;
            double f1 = 0;
            for (int k = 0; k < classes; k++) {
                long predicted = 0;
                long actual = 0;
                for (int i = 0; i < classes; i++) {
                    predicted += confusion[i][k];
                    actual += confusion[k][i];
                }
                long hits = confusion[k][k];
                correct += hits;
                double p = predicted == 0 ? 0 : (double) hits / predicted;
                double r = actual == 0 ? 0 : (double) hits / actual;
                precision += p;
                recall += r;
                f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
            values.put("accuracy", (double) correct / samples);
            values.put("precision", precision / classes);
            values.put("recall", recall / classes);
            values.put("f1", f1 / classes);
        }
    }
}
