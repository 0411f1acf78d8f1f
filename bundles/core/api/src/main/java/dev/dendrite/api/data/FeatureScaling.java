package dev.dendrite.api.data;

import dev.dendrite.api.math.Matrix;

/**
 * A per-feature affine transform x' = (x − offset[i]) / scale[i], fitted on a training split
 * and applied unchanged to every other split and to prediction inputs. Standardization uses the
 * mean and standard deviation; a constant feature has scale 1 so it never produces NaN.
 *
 * @param offset per-feature offsets, n[0] values
 * @param scale  per-feature scales, n[0] positive values
 */
public record FeatureScaling(double[] offset, double[] scale) {

    public FeatureScaling {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException(offset.length + " offsets for " + scale.length + " scales");
        }
    }

    /** The identity transform for n features. */
    public static FeatureScaling identity(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return new FeatureScaling(new double[n], ones);
    }

    /** Standardization fitted on X (n, m): offset = column-wise mean, scale = std (1 if zero). */
    public static FeatureScaling standardize(Matrix x) {
        int n = x.rows();
        int m = x.cols();
        double[] mean = new double[n];
        double[] std = new double[n];
        double[] v = x.data();
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += v[r * m + j];
            }
            double mu = sum / m;
            double sq = 0;
            for (int j = 0; j < m; j++) {
                double d = v[r * m + j] - mu;
                sq += d * d;
            }
            double sd = Math.sqrt(sq / m);
            mean[r] = mu;
            std[r] = sd > 1e-12 ? sd : 1.0;
        }
        return new FeatureScaling(mean, std);
    }

    /** Applies the transform to X (n, m) in place. */
    public void applyInPlace(Matrix x) {
        if (x.rows() != offset.length) {
            throw new IllegalArgumentException("scaling for " + offset.length + " features applied to " + x.rows());
        }
        int m = x.cols();
        double[] v = x.data();
        for (int r = 0; r < offset.length; r++) {
            for (int j = 0; j < m; j++) {
                v[r * m + j] = (v[r * m + j] - offset[r]) / scale[r];
            }
        }
    }
}
