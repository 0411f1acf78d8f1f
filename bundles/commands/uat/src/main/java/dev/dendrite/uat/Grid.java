package dev.dendrite.uat;

import dev.dendrite.api.math.Matrix;

/**
 * The dense, evenly spaced test grid on [lo, hi]^d: {@code n} points per axis including both
 * ends, so n points in 1-D and n² in 2-D. Point k is x = lo + (k mod n)·h, y = lo + (k div n)·h
 * with h = (hi − lo)/(n − 1): in 2-D, k runs along x first, row by row of y.
 *
 * @param dimensions 1 or 2
 * @param lo         lower end on each axis
 * @param hi         upper end on each axis
 * @param n          points per axis, at least 2
 */
public record Grid(int dimensions, double lo, double hi, int n) {

    public Grid {
        if (n < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per axis, got " + n);
        }
    }

    /** The test grid of a target: 1000 points in 1-D, 100 × 100 in 2-D. */
    public static Grid of(Target target) {
        return new Grid(target.dimensions(), target.lo(), target.hi(), target.dimensions() == 1 ? 1000 : 100);
    }

    /** The number of points. */
    public int size() {
        return dimensions == 1 ? n : n * n;
    }

    /** The i-th coordinate along an axis, i in 0 … n−1. */
    public double coordinate(int i) {
        return i == n - 1 ? hi : lo + i * (hi - lo) / (n - 1);
    }

    public double x(int k) {
        return coordinate(k % n);
    }

    public double y(int k) {
        return dimensions == 1 ? 0 : coordinate(k / n);
    }

    /** The target's values at every point. */
    public double[] values(Target target) {
        double[] v = new double[size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = target.at(x(k), y(k));
        }
        return v;
    }

    /** The points as network inputs X (d, size), one column a point. */
    public Matrix inputs() {
        Matrix x = new Matrix(dimensions, size());
        for (int k = 0; k < size(); k++) {
            x.set(0, k, x(k));
            if (dimensions == 2) {
                x.set(1, k, y(k));
            }
        }
        return x;
    }
}
