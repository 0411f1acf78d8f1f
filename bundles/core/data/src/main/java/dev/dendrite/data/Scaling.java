package dev.dendrite.data;

import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.math.Matrix;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The feature scalings a user can choose ({@code DataOptions.scaling()}), each fitted on a
 * training X (n[0], m) as a {@link FeatureScaling} x' = (x − offset) / scale:
 * <ul>
 *   <li>{@code standard}: offset = mean, scale = standard deviation, so each feature has mean 0
 *       and standard deviation 1;</li>
 *   <li>{@code minmax}: offset = min, scale = max − min, so each feature lies in [0, 1];</li>
 *   <li>{@code none}: the identity.</li>
 * </ul>
 * A constant feature gets scale 1 in every case, so it never produces NaN.
 */
enum Scaling {
    STANDARD {
        @Override
        FeatureScaling fit(Matrix x) {
            return FeatureScaling.standardize(x);
        }
    },
    MINMAX {
        @Override
        FeatureScaling fit(Matrix x) {
            int n = x.rows();
            int m = x.cols();
            double[] v = x.data();
            double[] min = new double[n];
            double[] range = new double[n];
            for (int r = 0; r < n; r++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int j = r * m; j < (r + 1) * m; j++) {
                    lo = Math.min(lo, v[j]);
                    hi = Math.max(hi, v[j]);
                }
                min[r] = lo;
                range[r] = hi > lo ? hi - lo : 1.0;
            }
            return new FeatureScaling(min, range);
        }
    },
    NONE {
        @Override
        FeatureScaling fit(Matrix x) {
            return FeatureScaling.identity(x.rows());
        }
    };

    /** The scaling fitted on training features X (n[0], m); X is not modified. */
    abstract FeatureScaling fit(Matrix x);

    /**
     * The scaling fitted on training features X (n[0], m), which are not modified.
     *
     * @param column names feature r in messages, e.g. {@code file x.csv, column 3 (f3)}
     * @throws IllegalArgumentException when a feature's offset or scale overflows (with standard
     *                                  scaling, from values of about 1e154 up), naming the feature
     *                                  and its value of largest magnitude
     */
    FeatureScaling fit(Matrix x, IntFunction<String> column) {
        FeatureScaling fitted = fit(x);
        for (int r = 0; r < x.rows(); r++) {
            if (!Double.isFinite(fitted.offset()[r]) || !Double.isFinite(fitted.scale()[r])) {
                throw new IllegalArgumentException(column.apply(r) + ": " + plain(largest(x, r)) + " is too large to scale");
            }
        }
        return fitted;
    }

    /** The value of largest magnitude in row r of X. */
    private static double largest(Matrix x, int r) {
        int m = x.cols();
        double[] v = x.data();
        double largest = 0;
        for (int j = r * m; j < (r + 1) * m; j++) {
            largest = Math.abs(v[j]) > Math.abs(largest) ? v[j] : largest;
        }
        return largest;
    }

    /** {@code 1e200} rather than Java's {@code 1.0E200}. */
    private static String plain(double value) {
        return Double.toString(value).replace(".0E", "E").replace('E', 'e');
    }

    /** The scaling named {@code name} ({@code standard}, {@code minmax}, {@code none}; any case). */
    static Scaling of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
