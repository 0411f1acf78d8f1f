package dev.dendrite.api.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well a model does on one split. For classification the values are {@code accuracy} and the
 * macro-averaged {@code precision}, {@code recall} and {@code f1} (each class weighs the same;
 * a class never predicted counts precision 0), and {@code confusion[i][j]} counts samples of true
 * class i predicted as j. For regression the values are {@code mse}, {@code mae} and {@code r2}
 * (1 − SS_res/SS_tot, on the original target scale) and there is no confusion matrix.
 *
 * @param cost      the cost J (mean loss, without regularization)
 * @param values    metric values by name, in a stable order
 * @param confusion the confusion matrix, or null for regression
 */
public record Metrics(double cost, Map<String, Double> values, int[][] confusion) {

    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a metric, or NaN when it is not computed for this task. */
    public double get(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    /** Whether larger values of this metric are better ({@code accuracy}, {@code r2}, …) or smaller ({@code loss}, {@code mse}, {@code mae}). */
    public static boolean higherIsBetter(String name) {
        return switch (name) {
            case "loss", "mse", "mae" -> false;
            default -> true;
        };
    }
}
