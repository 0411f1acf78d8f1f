package dev.dendrite.nn;

import dev.dendrite.api.math.Epilogue;
import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.ElementWise;
import dev.dendrite.api.nn.FloatActivation;
import dev.dendrite.api.nn.FloatUpdater;
import dev.dendrite.api.nn.Updater;

/**
 * One precision's matrices M ({@link Matrix} for float64, {@link FloatMatrix} for float32): how
 * the network allocates and converts them, the maths back-end's products on them, the element-wise
 * steps of backward propagation, and the plug-ins bound at that precision. A plug-in that only
 * computes in double ({@link Activation}, {@link Updater}) serves a float32 run through an adapter
 * that converts its operands into double buffers kept for the run, so it allocates nothing per
 * iteration either. The double side of the loss, the metrics and the listeners' views is reached
 * through {@link #view} and {@link #store}, free at float64.
 *
 * @param <M> the matrix type
 */
abstract sealed class Arithmetic<M> {
    static final Arithmetic<Matrix> FLOAT64 = new Float64();
    static final Arithmetic<FloatMatrix> FLOAT32 = new Float32();
    /** Samples gathered side by side: a cache line of doubles, half of one of floats (the gather is unrolled for 8). */
    static final int GATHER = 8;

    static Arithmetic<?> of(Precision precision) {
        return precision == Precision.FLOAT32 ? FLOAT32 : FLOAT64;
    }

    abstract Precision precision();

    abstract M matrix(int rows, int cols);

    abstract M[] array(int length);

    abstract int rows(M m);

    abstract int cols(M m);

    /** A matrix of this precision with the values of {@code source} (rounded). */
    final M of(Matrix source) {
        M m = matrix(source.rows(), source.cols());
        load(source, m);
        return m;
    }

    /** target ← source (rounded), same shapes. */
    abstract void load(Matrix source, M target);

    /** target ← source, same shapes. */
    abstract void save(M source, Matrix target);

    /** The values of {@code m} in double: {@code m} itself at float64 ({@code buffer} unused, may be null), else {@code buffer} (same shape) filled with them. */
    abstract Matrix view(M m, Matrix buffer);

    /** Writes a double result computed in {@link #view}'s {@code buffer} back into {@code m} (nothing to do at float64). */
    abstract void store(Matrix buffer, M m);

    /** A double copy for a look outside the run's loop (listeners, the search for a non-finite value); at float64 the matrix itself. */
    abstract Matrix toDouble(M m);

    /** Z = W·A + b. */
    abstract void affine(MatrixMath math, M w, M a, M b, M z);

    /** Z = W·A + b, then {@code then} on each part of Z as the back-end finishes it. */
    abstract void affine(MatrixMath math, M w, M a, M b, M z, Epilogue then);

    /** C = α·A·Bᵀ. */
    abstract void multTransB(MatrixMath math, double alpha, M a, M b, M c);

    /** C = Aᵀ·B. */
    abstract void multTransA(MatrixMath math, M a, M b, M c);

    /** C = Aᵀ·B, then {@code then} on each part of C as the back-end finishes it. */
    abstract void multTransA(MatrixMath math, M a, M b, M c, Epilogue then);

    /** Y = Y + α·X. */
    abstract void addScaled(MatrixMath math, double alpha, M x, M y);

    /** s = α·Σ_columns A. */
    abstract void sumColumns(MatrixMath math, double alpha, M a, M s);

    /** out = a ⊙ b (out may be a). */
    abstract void multiply(M a, M b, M out);

    /** Σ of the elements, in double (eight partial sums). */
    abstract double sum(M m);

    /** Σ of the squared elements, in double. */
    abstract double squaredSum(M m);

    /** A fresh dropout mask. */
    abstract void draw(Dropout dropout, M mask);

    /** target (c, r) ← sourceᵀ (source (r, c)), rounded, in tiles so that both sides stay in cache. */
    abstract void transpose(Matrix source, M target);

    /** The tile of {@link #transpose}. */
    static final int TILE = 64;

    /**
     * X (n, m) ← the samples order[from … from+m), each a row of {@code bySample} (m', n). Samples
     * are taken {@link #GATHER} at a time, so that each row of X is written a cache line at a time
     * while the samples are read in order; the GATHER rows' offsets are held in locals, unrolled
     * (a third faster than a loop over them that looks each one up in {@code order} again).
     */
    abstract void gather(M bySample, int[] order, int from, M x);

    /** X (n, m) ← columns [from, from+m) of {@code source} (n, total). */
    abstract void columns(Matrix source, int from, M x);

    /** g at this precision. */
    abstract Layer<M> bind(Activation g);

    /** A = g(Z) as the epilogue of the product that computes Z, or null when g is not {@link ElementWise}. */
    abstract Epilogue forwardEpilogue(Activation g, M z, M a);

    /** dZ = dA ⊙ g'(Z) as the epilogue of the product that computes dA, or null when g is not {@link ElementWise}. */
    abstract Epilogue backwardEpilogue(Activation g, M z, M a, M dA, M dZ);

    /** The optimizer's updater at this precision. */
    abstract Step<M> bind(Updater updater);

    /** An activation at one precision. */
    interface Layer<M> {
        void forward(M z, M a);

        void backward(M z, M a, M dA, M dZ);
    }

    /** An updater at one precision. */
    interface Step<M> {
        void update(M[] params, M[] grads, double learningRate);
    }

    private static final class Float64 extends Arithmetic<Matrix> {

        @Override
        Precision precision() {
            return Precision.FLOAT64;
        }

        @Override
        Matrix matrix(int rows, int cols) {
            return new Matrix(rows, cols);
        }

        @Override
        Matrix[] array(int length) {
            return new Matrix[length];
        }

        @Override
        int rows(Matrix m) {
            return m.rows();
        }

        @Override
        int cols(Matrix m) {
            return m.cols();
        }

        @Override
        void load(Matrix source, Matrix target) {
            target.copyFrom(source);
        }

        @Override
        void save(Matrix source, Matrix target) {
            target.copyFrom(source);
        }

        @Override
        Matrix view(Matrix m, Matrix buffer) {
            return m;
        }

        @Override
        Matrix toDouble(Matrix m) {
            return m;
        }

        @Override
        void store(Matrix buffer, Matrix m) {
            // the view was m itself
        }

        @Override
        void affine(MatrixMath math, Matrix w, Matrix a, Matrix b, Matrix z) {
            math.affine(w, a, b, z);
        }

        @Override
        void affine(MatrixMath math, Matrix w, Matrix a, Matrix b, Matrix z, Epilogue then) {
            math.affine(w, a, b, z, then);
        }

        @Override
        void multTransB(MatrixMath math, double alpha, Matrix a, Matrix b, Matrix c) {
            math.multTransB(alpha, a, b, c);
        }

        @Override
        void multTransA(MatrixMath math, Matrix a, Matrix b, Matrix c) {
            math.multTransA(a, b, c);
        }

        @Override
        void multTransA(MatrixMath math, Matrix a, Matrix b, Matrix c, Epilogue then) {
            math.multTransA(a, b, c, then);
        }

        @Override
        void addScaled(MatrixMath math, double alpha, Matrix x, Matrix y) {
            math.addScaled(alpha, x, y);
        }

        @Override
        void sumColumns(MatrixMath math, double alpha, Matrix a, Matrix s) {
            math.sumColumns(alpha, a, s);
        }

        @Override
        void multiply(Matrix a, Matrix b, Matrix out) {
            double[] x = a.data();
            double[] y = b.data();
            double[] o = out.data();
            for (int i = 0; i < o.length; i++) {
                o[i] = x[i] * y[i];
            }
        }

        @Override
        double sum(Matrix m) {
            double[] v = m.data();
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int i = 0;
            for (; i + 7 < v.length; i += 8) {
                s0 += v[i];
                s1 += v[i + 1];
                s2 += v[i + 2];
                s3 += v[i + 3];
                s4 += v[i + 4];
                s5 += v[i + 5];
                s6 += v[i + 6];
                s7 += v[i + 7];
            }
            for (; i < v.length; i++) {
                s0 += v[i];
            }
            return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
        }

        @Override
        double squaredSum(Matrix m) {
            double sum = 0;
            for (double v : m.data()) {
                sum += v * v;
            }
            return sum;
        }

        @Override
        void draw(Dropout dropout, Matrix mask) {
            double[] v = mask.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = dropout.next();
            }
        }

        @Override
        void transpose(Matrix source, Matrix target) {
            int rows = source.rows();
            int cols = source.cols();
            double[] from = source.data();
            double[] to = target.data();
            for (int r0 = 0; r0 < rows; r0 += TILE) {
                for (int c0 = 0; c0 < cols; c0 += TILE) {
                    for (int r = r0; r < Math.min(r0 + TILE, rows); r++) {
                        for (int c = c0; c < Math.min(c0 + TILE, cols); c++) {
                            to[c * rows + r] = from[r * cols + c];
                        }
                    }
                }
            }
        }

        @Override
        void gather(Matrix samples, int[] order, int from, Matrix x) {
            int n = x.rows();
            int m = x.cols();
            double[] bySample = samples.data();
            double[] dst = x.data();
            int j0 = 0;
            for (; j0 + GATHER <= m; j0 += GATHER) {
                int at = from + j0;
                int s0 = order[at] * n, s1 = order[at + 1] * n, s2 = order[at + 2] * n, s3 = order[at + 3] * n;
                int s4 = order[at + 4] * n, s5 = order[at + 5] * n, s6 = order[at + 6] * n, s7 = order[at + 7] * n;
                for (int r = 0, o = j0; r < n; r++, o += m) {
                    dst[o] = bySample[s0 + r];
                    dst[o + 1] = bySample[s1 + r];
                    dst[o + 2] = bySample[s2 + r];
                    dst[o + 3] = bySample[s3 + r];
                    dst[o + 4] = bySample[s4 + r];
                    dst[o + 5] = bySample[s5 + r];
                    dst[o + 6] = bySample[s6 + r];
                    dst[o + 7] = bySample[s7 + r];
                }
            }
            for (; j0 < m; j0++) {
                int source = order[from + j0] * n;
                for (int r = 0; r < n; r++) {
                    dst[r * m + j0] = bySample[source + r];
                }
            }
        }

        @Override
        void columns(Matrix source, int from, Matrix x) {
            int m = x.cols();
            for (int r = 0; r < x.rows(); r++) {
                System.arraycopy(source.data(), r * source.cols() + from, x.data(), r * m, m);
            }
        }

        @Override
        Layer<Matrix> bind(Activation g) {
            return new Layer<>() {
                @Override
                public void forward(Matrix z, Matrix a) {
                    g.forward(z, a);
                }

                @Override
                public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
                    g.backward(z, a, dA, dZ);
                }
            };
        }

        @Override
        Epilogue forwardEpilogue(Activation g, Matrix z, Matrix a) {
            if (!(g instanceof ElementWise e)) {
                return null;
            }
            double[] zv = z.data();
            double[] av = a.data();
            return (from, to) -> e.forward(zv, av, from, to);
        }

        @Override
        Epilogue backwardEpilogue(Activation g, Matrix z, Matrix a, Matrix dA, Matrix dZ) {
            if (!(g instanceof ElementWise e)) {
                return null;
            }
            double[] zv = z.data();
            double[] av = a.data();
            double[] up = dA.data();
            double[] out = dZ.data();
            return (from, to) -> e.backward(zv, av, up, out, from, to);
        }

        @Override
        Step<Matrix> bind(Updater updater) {
            return updater::update;
        }
    }

    private static final class Float32 extends Arithmetic<FloatMatrix> {

        @Override
        Precision precision() {
            return Precision.FLOAT32;
        }

        @Override
        FloatMatrix matrix(int rows, int cols) {
            return new FloatMatrix(rows, cols);
        }

        @Override
        FloatMatrix[] array(int length) {
            return new FloatMatrix[length];
        }

        @Override
        int rows(FloatMatrix m) {
            return m.rows();
        }

        @Override
        int cols(FloatMatrix m) {
            return m.cols();
        }

        @Override
        void load(Matrix source, FloatMatrix target) {
            target.copyFrom(source);
        }

        @Override
        void save(FloatMatrix source, Matrix target) {
            source.copyTo(target);
        }

        @Override
        Matrix view(FloatMatrix m, Matrix buffer) {
            return m.copyTo(buffer);
        }

        @Override
        Matrix toDouble(FloatMatrix m) {
            return m.copyTo(new Matrix(m.rows(), m.cols()));
        }

        @Override
        void store(Matrix buffer, FloatMatrix m) {
            m.copyFrom(buffer);
        }

        @Override
        void affine(MatrixMath math, FloatMatrix w, FloatMatrix a, FloatMatrix b, FloatMatrix z) {
            math.affine(w, a, b, z);
        }

        @Override
        void affine(MatrixMath math, FloatMatrix w, FloatMatrix a, FloatMatrix b, FloatMatrix z, Epilogue then) {
            math.affine(w, a, b, z, then);
        }

        @Override
        void multTransB(MatrixMath math, double alpha, FloatMatrix a, FloatMatrix b, FloatMatrix c) {
            math.multTransB(alpha, a, b, c);
        }

        @Override
        void multTransA(MatrixMath math, FloatMatrix a, FloatMatrix b, FloatMatrix c) {
            math.multTransA(a, b, c);
        }

        @Override
        void multTransA(MatrixMath math, FloatMatrix a, FloatMatrix b, FloatMatrix c, Epilogue then) {
            math.multTransA(a, b, c, then);
        }

        @Override
        void addScaled(MatrixMath math, double alpha, FloatMatrix x, FloatMatrix y) {
            y.requireSameShape(x, "addScaled");
            float f = (float) alpha;
            float[] xv = x.data();
            float[] yv = y.data();
            for (int i = 0; i < yv.length; i++) {
                yv[i] += f * xv[i];
            }
        }

        @Override
        void sumColumns(MatrixMath math, double alpha, FloatMatrix a, FloatMatrix s) {
            int m = a.cols();
            float[] av = a.data();
            float[] sv = s.data();
            for (int i = 0; i < sv.length; i++) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int k = i * m;
                int end = k + m;
                for (; k + 3 < end; k += 4) {
                    s0 += av[k];
                    s1 += av[k + 1];
                    s2 += av[k + 2];
                    s3 += av[k + 3];
                }
                for (; k < end; k++) {
                    s0 += av[k];
                }
                sv[i] = (float) (alpha * ((s0 + s1) + (s2 + s3)));
            }
        }

        @Override
        void multiply(FloatMatrix a, FloatMatrix b, FloatMatrix out) {
            float[] x = a.data();
            float[] y = b.data();
            float[] o = out.data();
            for (int i = 0; i < o.length; i++) {
                o[i] = x[i] * y[i];
            }
        }

        /** In eight float partial sums (beyond 3.4e38 only a diverged run's parameters add up). */
        @Override
        double sum(FloatMatrix m) {
            float[] v = m.data();
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int i = 0;
            for (; i + 7 < v.length; i += 8) {
                s0 += v[i];
                s1 += v[i + 1];
                s2 += v[i + 2];
                s3 += v[i + 3];
                s4 += v[i + 4];
                s5 += v[i + 5];
                s6 += v[i + 6];
                s7 += v[i + 7];
            }
            for (; i < v.length; i++) {
                s0 += v[i];
            }
            return (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
        }

        @Override
        double squaredSum(FloatMatrix m) {
            double sum = 0;
            for (float v : m.data()) {
                sum += (double) v * v;
            }
            return sum;
        }

        @Override
        void draw(Dropout dropout, FloatMatrix mask) {
            float[] v = mask.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) dropout.next();
            }
        }

        @Override
        void transpose(Matrix source, FloatMatrix target) {
            int rows = source.rows();
            int cols = source.cols();
            double[] from = source.data();
            float[] to = target.data();
            for (int r0 = 0; r0 < rows; r0 += TILE) {
                for (int c0 = 0; c0 < cols; c0 += TILE) {
                    for (int r = r0; r < Math.min(r0 + TILE, rows); r++) {
                        for (int c = c0; c < Math.min(c0 + TILE, cols); c++) {
                            to[c * rows + r] = (float) from[r * cols + c];
                        }
                    }
                }
            }
        }

        @Override
        void gather(FloatMatrix samples, int[] order, int from, FloatMatrix x) {
            int n = x.rows();
            int m = x.cols();
            float[] bySample = samples.data();
            float[] dst = x.data();
            int j0 = 0;
            for (; j0 + GATHER <= m; j0 += GATHER) {
                int at = from + j0;
                int s0 = order[at] * n, s1 = order[at + 1] * n, s2 = order[at + 2] * n, s3 = order[at + 3] * n;
                int s4 = order[at + 4] * n, s5 = order[at + 5] * n, s6 = order[at + 6] * n, s7 = order[at + 7] * n;
                for (int r = 0, o = j0; r < n; r++, o += m) {
                    dst[o] = bySample[s0 + r];
                    dst[o + 1] = bySample[s1 + r];
                    dst[o + 2] = bySample[s2 + r];
                    dst[o + 3] = bySample[s3 + r];
                    dst[o + 4] = bySample[s4 + r];
                    dst[o + 5] = bySample[s5 + r];
                    dst[o + 6] = bySample[s6 + r];
                    dst[o + 7] = bySample[s7 + r];
                }
            }
            for (; j0 < m; j0++) {
                int source = order[from + j0] * n;
                for (int r = 0; r < n; r++) {
                    dst[r * m + j0] = bySample[source + r];
                }
            }
        }

        @Override
        void columns(Matrix source, int from, FloatMatrix x) {
            int m = x.cols();
            int total = source.cols();
            double[] src = source.data();
            float[] dst = x.data();
            for (int r = 0; r < x.rows(); r++) {
                for (int j = 0; j < m; j++) {
                    dst[r * m + j] = (float) src[r * total + from + j];
                }
            }
        }

        @Override
        Layer<FloatMatrix> bind(Activation g) {
            if (g instanceof FloatActivation f) {
                return new Layer<>() {
                    @Override
                    public void forward(FloatMatrix z, FloatMatrix a) {
                        f.forward(z, a);
                    }

                    @Override
                    public void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
                        f.backward(z, a, dA, dZ);
                    }
                };
            }
            return new DoubleLayer(g);
        }

        @Override
        Epilogue forwardEpilogue(Activation g, FloatMatrix z, FloatMatrix a) {
            if (!(g instanceof ElementWise e)) {
                return null;
            }
            float[] zv = z.data();
            float[] av = a.data();
            return (from, to) -> e.forward(zv, av, from, to);
        }

        @Override
        Epilogue backwardEpilogue(Activation g, FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
            if (!(g instanceof ElementWise e)) {
                return null;
            }
            float[] zv = z.data();
            float[] av = a.data();
            float[] up = dA.data();
            float[] out = dZ.data();
            return (from, to) -> e.backward(zv, av, up, out, from, to);
        }

        @Override
        Step<FloatMatrix> bind(Updater updater) {
            return updater instanceof FloatUpdater f ? f::update : new DoubleStep(updater);
        }
    }

    /**
     * A double-only activation in a float32 run: its operands are converted into double buffers of
     * their shape, kept for the batch width last seen (a run alternates between its batch width
     * and its evaluation chunks once per epoch, not per iteration).
     */
    private static final class DoubleLayer implements Layer<FloatMatrix> {
        private final Activation g;
        private Matrix z;
        private Matrix a;
        private Matrix dA;
        private Matrix dZ;

        DoubleLayer(Activation g) {
            this.g = g;
        }

        private void fit(FloatMatrix shape) {
            if (z == null || !z.hasShape(shape.rows(), shape.cols())) {
                z = new Matrix(shape.rows(), shape.cols());
                a = new Matrix(shape.rows(), shape.cols());
                dA = new Matrix(shape.rows(), shape.cols());
                dZ = new Matrix(shape.rows(), shape.cols());
            }
        }

        @Override
        public void forward(FloatMatrix z, FloatMatrix a) {
            fit(z);
            g.forward(z.copyTo(this.z), this.a);
            a.copyFrom(this.a);
        }

        @Override
        public void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
            fit(z);
            g.backward(z.copyTo(this.z), a.copyTo(this.a), dA.copyTo(this.dA), this.dZ);
            dZ.copyFrom(this.dZ);
        }
    }

    /**
     * A double-only updater in a float32 run: the parameters and gradients are copied into double
     * matrices (allocated on the first call), updated there and rounded back.
     */
    private static final class DoubleStep implements Step<FloatMatrix> {
        private final Updater updater;
        private Matrix[] params;
        private Matrix[] grads;

        DoubleStep(Updater updater) {
            this.updater = updater;
        }

        @Override
        public void update(FloatMatrix[] params, FloatMatrix[] grads, double learningRate) {
            if (this.params == null) {
                this.params = new Matrix[params.length];
                this.grads = new Matrix[grads.length];
                for (int i = 0; i < params.length; i++) {
                    this.params[i] = new Matrix(params[i].rows(), params[i].cols());
                    this.grads[i] = new Matrix(grads[i].rows(), grads[i].cols());
                }
            }
            for (int i = 0; i < params.length; i++) {
                params[i].copyTo(this.params[i]);
                grads[i].copyTo(this.grads[i]);
            }
            updater.update(this.params, this.grads, learningRate);
            for (int i = 0; i < params.length; i++) {
                params[i].copyFrom(this.params[i]);
            }
        }
    }
}
