package dev.dendrite.api.math;

import java.util.Arrays;

/**
 * A dense, row-major matrix of doubles: element (r, c) is {@code data()[r * cols() + c]}.
 *
 * <p>The backing array is exposed on purpose so that maths back-ends (EJML wraps it without
 * copying) and plug-ins can work on it in tight loops. The shape never changes.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** A zero matrix of the given shape; both dimensions must be positive. */
    public Matrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps {@code data} (row-major, length rows·cols) without copying. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        if (data.length != checkedSize(rows, cols)) {
            throw new IllegalArgumentException("array of length " + data.length + " does not hold a (" + rows + ", " + cols + ") matrix");
        }
        return new Matrix(rows, cols, data);
    }

    /** A matrix from an array of rows; every row must have the same length. */
    public static Matrix of(double[]... values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = new Matrix(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, expected " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** rows·cols, checked: both positive and the product an array length. */
    static int checkedSize(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("matrix shape (" + rows + ", " + cols + ") must be positive");
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix shape (" + rows + ", " + cols + ") is too large");
        }
        return (int) size;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (not a copy). */
    public double[] data() {
        return data;
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, double value) {
        data[r * cols + c] = value;
    }

    /** Sets every element to {@code value}; returns this. */
    public Matrix fill(double value) {
        Arrays.fill(data, value);
        return this;
    }

    /** Copies {@code source} (same shape) into this matrix; returns this. */
    public Matrix copyFrom(Matrix source) {
        requireSameShape(source, "copyFrom");
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    /** A new matrix with the same shape and values. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public boolean hasShape(int r, int c) {
        return rows == r && cols == c;
    }

    /** Throws {@link IllegalArgumentException} unless {@code other} has this matrix's shape. */
    public void requireSameShape(Matrix other, String operation) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(operation + ": shape " + other.shape() + " does not match " + shape());
        }
    }

    /** The shape in the notation of the docs, e.g. {@code (4, 2)}. */
    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix").append(shape());
        if (data.length <= 64) {
            for (int r = 0; r < rows; r++) {
                s.append(r == 0 ? " [" : "; ");
                for (int c = 0; c < cols; c++) {
                    s.append(c == 0 ? "" : " ").append(get(r, c));
                }
            }
            s.append(']');
        }
        return s.toString();
    }
}
