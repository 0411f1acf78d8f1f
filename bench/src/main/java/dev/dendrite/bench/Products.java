package dev.dendrite.bench;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.math.Precision;
import java.util.List;
import java.util.Random;

/**
 * The matrix products of one training iteration of a fully connected network, at a batch width:
 * per layer l, forward Z[l] = W[l]·A[l-1] (n[l], n[l-1]) by (n[l-1], m); backward
 * dW[l] = dZ[l]·A[l-1]ᵀ and, for l &gt; 1, dA[l-1] = W[l]ᵀ·dZ[l] (nothing needs dA[0]).
 * A product of (n, k) by (k, m) is 2·n·k·m floating-point operations.
 */
final class Products {

    /** One product C (n, m) = op(A) (n, k) · op(B) (k, m). */
    record Product(String name, Kind kind, int n, int k, int m) {

        long flops() {
            return 2L * n * k * m;
        }

        /**
         * Random operands of the right shapes, stored as the kind of product reads them, and the output:
         * {@link Matrix} or, in float32, {@link FloatMatrix}.
         */
        Object[] operands(Random random, Precision precision) {
            Matrix a = kind == Kind.TRANS_A ? new Matrix(k, n) : new Matrix(n, k);
            Matrix b = kind == Kind.TRANS_B ? new Matrix(m, k) : new Matrix(k, m);
            for (Matrix x : new Matrix[] {a, b}) {
                double[] v = x.data();
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextGaussian();
                }
            }
            if (precision == Precision.FLOAT32) {
                return new FloatMatrix[] {FloatMatrix.of(a), FloatMatrix.of(b), new FloatMatrix(n, m)};
            }
            return new Matrix[] {a, b, new Matrix(n, m)};
        }

        void run(MatrixMath math, Object[] operands) {
            if (operands instanceof FloatMatrix[] f) {
                switch (kind) {
                    case PLAIN -> math.mult(f[0], f[1], f[2]);
                    case TRANS_A -> math.multTransA(f[0], f[1], f[2]);
                    case TRANS_B -> math.multTransB(f[0], f[1], f[2]);
                }
                return;
            }
            Matrix[] d = (Matrix[]) operands;
            switch (kind) {
                case PLAIN -> math.mult(d[0], d[1], d[2]);
                case TRANS_A -> math.multTransA(d[0], d[1], d[2]);
                case TRANS_B -> math.multTransB(d[0], d[1], d[2]);
            }
        }
    }

    /** Which operand the product transposes. */
    enum Kind { PLAIN, TRANS_A, TRANS_B }

    private Products() {
    }

    /** The products of one iteration for layer widths n[0] … n[L] and batch width m, in the order a step runs them. */
    static List<Product> ofIteration(int[] widths, int m) {
        List<Product> forward = new java.util.ArrayList<>();
        List<Product> backward = new java.util.ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            forward.add(new Product("Z" + l + " = W" + l + "·A" + (l - 1), Kind.PLAIN, widths[l], widths[l - 1], m));
        }
        for (int l = widths.length - 1; l >= 1; l--) {
            backward.add(new Product("dW" + l + " = dZ" + l + "·A" + (l - 1) + "ᵀ", Kind.TRANS_B, widths[l], m, widths[l - 1]));
            if (l > 1) {
                backward.add(new Product("dA" + (l - 1) + " = W" + l + "ᵀ·dZ" + l, Kind.TRANS_A, widths[l - 1], widths[l], m));
            }
        }
        forward.addAll(backward);
        return List.copyOf(forward);
    }

    /** The floating-point operations of the products of one epoch over {@code samples} samples (linear in the batch width). */
    static double epochFlops(int[] widths, int samples) {
        return ofIteration(widths, 1).stream().mapToLong(Product::flops).sum() * (double) samples;
    }
}
