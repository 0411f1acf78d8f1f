package dev.dendrite.api.math;

import java.util.Arrays;

/**
 * A dense, row-major matrix of floats, the single-precision twin of {@link Matrix}: element
 * (r, c) is {@code data()[r * cols() + c]}. A run trained with {@link Precision#FLOAT32} keeps
 * its parameters, caches and gradients in such matrices, so that a maths back-end can compute
 * its products on twice as many lanes per vector.
 *
 * @since 1.1
 */
public final class FloatMatrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    /** A zero matrix of the given shape; both dimensions must be positive. */
    public FloatMatrix(int rows, int cols) {
        this(rows, cols, new float[Matrix.checkedSize(rows, cols)]);
    }

    private FloatMatrix(int rows, int cols, float[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps {@code data} (row-major, length rows·cols) without copying. */
    public static FloatMatrix wrap(int rows, int cols, float[] data) {
        if (data.length != Matrix.checkedSize(rows, cols)) {
            throw new IllegalArgumentException("array of length " + data.length + " does not hold a (" + rows + ", " + cols + ") matrix");
        }
        return new FloatMatrix(rows, cols, data);
    }

    /** The values of {@code source} rounded to float, in a new matrix. */
    public static FloatMatrix of(Matrix source) {
        return new FloatMatrix(source.rows(), source.cols()).copyFrom(source);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (not a copy). */
    public float[] data() {
        return data;
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, float value) {
        data[r * cols + c] = value;
    }

    /** Sets every element to {@code value}; returns this. */
    public FloatMatrix fill(float value) {
        Arrays.fill(data, value);
        return this;
    }

    /** Copies {@code source} (same shape) into this matrix; returns this. */
    public FloatMatrix copyFrom(FloatMatrix source) {
        requireSameShape(source.rows, source.cols, "copyFrom");
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    /** Copies {@code source} (same shape), each value rounded to the nearest float, into this matrix; returns this. */
    public FloatMatrix copyFrom(Matrix source) {
        requireSameShape(source.rows(), source.cols(), "copyFrom");
        double[] from = source.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) from[i];
        }
        return this;
    }

    /** Copies this matrix's values (exactly) into {@code target} (same shape); returns the target. */
    public Matrix copyTo(Matrix target) {
        requireSameShape(target.rows(), target.cols(), "copyTo");
        double[] to = target.data();
        for (int i = 0; i < data.length; i++) {
            to[i] = data[i];
        }
        return target;
    }

    /** A new matrix with the same shape and values. */
    public FloatMatrix copy() {
        return new FloatMatrix(rows, cols, data.clone());
    }

    public boolean hasShape(int r, int c) {
        return rows == r && cols == c;
    }

    /** Throws {@link IllegalArgumentException} unless {@code other} has this matrix's shape. */
    public void requireSameShape(FloatMatrix other, String operation) {
        requireSameShape(other.rows, other.cols, operation);
    }

    private void requireSameShape(int r, int c, String operation) {
        if (r != rows || c != cols) {
            throw new IllegalArgumentException(operation + ": shape (" + r + ", " + c + ") does not match " + shape());
        }
    }

    /** The shape in the notation of the docs, e.g. {@code (4, 2)}. */
    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FloatMatrix").append(shape());
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
