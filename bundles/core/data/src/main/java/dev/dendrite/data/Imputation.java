package dev.dendrite.data;

import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.TableOptions.Missing;
import dev.dendrite.api.math.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The values missing cells take ({@code --missing mean|median|most_frequent}), fitted on the
 * training split's features, where a missing cell is NaN (in all of a categorical column's one-hot
 * rows), and kept in each {@link FeatureColumn}'s fill:
 * <ul>
 *   <li>{@code mean}: the mean of the column's values;</li>
 *   <li>{@code median}: the middle value, or the mean of the two middle ones;</li>
 *   <li>{@code most_frequent}: the most frequent value, the smallest among equally frequent ones;</li>
 *   <li>a categorical column takes its most frequent category under each (the first in the
 *       column's order among equally frequent ones).</li>
 * </ul>
 * Every column gets a fill, so that a model fills a missing cell of a new file in any column.
 */
final class Imputation {

    private Imputation() {
    }

    /**
     * The columns with their fills fitted on training X (n[0], m); {@code columns} unchanged for
     * {@code error} and {@code drop}.
     *
     * @param feature names feature r in messages, e.g. {@code file x.csv, column 3 (f3)}
     * @throws IllegalArgumentException for a column with no value in the training split
     */
    static List<FeatureColumn> fit(Matrix x, List<FeatureColumn> columns, Missing strategy, IntFunction<String> feature) {
        if (strategy == Missing.ERROR || strategy == Missing.DROP) {
            return columns;
        }
        int m = x.cols();
        double[] v = x.data();
        List<FeatureColumn> fitted = new ArrayList<>();
        int r = 0;
        for (FeatureColumn column : columns) {
            double fill;
            if (column.categorical()) {
                int best = -1;
                long bestCount = 0;
                for (int k = 0; k < column.categories().size(); k++) {
                    long count = 0;
                    for (int j = (r + k) * m; j < (r + k + 1) * m; j++) {
                        count += v[j] == 1 ? 1 : 0;
                    }
                    if (count > bestCount) {
                        best = k;
                        bestCount = count;
                    }
                }
                if (best < 0) {
                    throw noValue(feature.apply(r));
                }
                fill = best;
            } else {
                double[] values = present(v, r * m, m);
                if (values.length == 0) {
                    throw noValue(feature.apply(r));
                }
                fill = switch (strategy) {
                    case MEAN -> mean(values);
                    case MEDIAN -> median(values);
                    default -> mostFrequent(values);
                };
            }
            fitted.add(new FeatureColumn(column.name(), column.categories(), fill));
            r += Math.max(1, column.categories().size());
        }
        return fitted;
    }

    /** Sets every missing (NaN) cell of X (n[0], m) to its column's fill; columns without one are left as they are. */
    static void apply(Matrix x, List<FeatureColumn> columns) {
        int m = x.cols();
        double[] v = x.data();
        int r = 0;
        for (FeatureColumn column : columns) {
            int width = Math.max(1, column.categories().size());
            if (column.filled()) {
                if (column.categorical()) {
                    for (int j = 0; j < m; j++) {
                        if (Double.isNaN(v[r * m + j])) {
                            for (int k = 0; k < width; k++) {
                                v[(r + k) * m + j] = k == (int) column.fill() ? 1 : 0;
                            }
                        }
                    }
                } else {
                    fill(v, r * m, m, column.fill());
                }
            }
            r += width;
        }
    }

    /** Sets the NaN values among v[from … from+m) to {@code fill}. */
    static void fill(double[] v, int from, int m, double fill) {
        for (int j = from; j < from + m; j++) {
            if (Double.isNaN(v[j])) {
                v[j] = fill;
            }
        }
    }

    private static double[] present(double[] v, int from, int m) {
        double[] values = new double[m];
        int n = 0;
        for (int j = from; j < from + m; j++) {
            if (!Double.isNaN(v[j])) {
                values[n++] = v[j];
            }
        }
        return Arrays.copyOf(values, n);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double mostFrequent(double[] values) {
        Arrays.sort(values);
        double best = values[0];
        int bestRun = 0;
        for (int i = 0; i < values.length; ) {
            int j = i;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            if (j - i > bestRun) {
                best = values[i];
                bestRun = j - i;
            }
            i = j;
        }
        return best;
    }

    private static IllegalArgumentException noValue(String feature) {
        return new IllegalArgumentException(feature + ": no value in the training split to fill missing values from");
    }
}
