package dev.dendrite.trace;

import dev.dendrite.api.math.Matrix;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a {@link Trace} in the course's notation: forward propagation layer by layer with the
 * shapes and the numbers, one unit's z written out, the loss of each sample and J, backward
 * propagation with the cache each step uses and a finite-difference column beside every dW[l],
 * and the optimizer's update. Matrices print with six decimals, gradients with ten.
 */
final class TracePrinter {
    private final PrintStream out;

    TracePrinter(PrintStream out) {
        this.out = out;
    }

    void print(Trace t, int unitLayer, int unit) {
        int depth = t.depth();
        Trace.Layer last = t.layer(depth);
        out.printf(Locale.ROOT, "network %s: L = %d; hidden %s, output %s; loss %s; optimizer %s, α = %s%n", t.network(), depth,
                depth > 1 ? t.layer(1).activation() : "none", last.activation(), t.loss(), t.optimizer(), t.learningRate());
        out.printf("samples: %s; m = %d columns, in the order the trainer took them%n", t.samples(), t.samplesCount());

        out.println();
        out.println("FORWARD PROPAGATION  Z[l] = W[l]·A[l-1] + b[l],  A[l] = g[l](Z[l]);  each layer keeps the cache (A[l-1], W[l], Z[l])");
        matrix("A[0] = X", t.x());
        matrix("Y", t.y());
        for (Trace.Layer layer : t.layers()) {
            int l = layer.l();
            out.println();
            out.printf("layer %d: %d unit%s, g[%d] = %s%n", l, layer.w().rows(), layer.w().rows() == 1 ? "" : "s", l, layer.activation());
            matrix("W[" + l + "]", layer.w());
            matrix("b[" + l + "]", layer.b());
            matrix("Z[" + l + "] = W[" + l + "]·A[" + (l - 1) + "] + b[" + l + "]", layer.z());
            matrix("A[" + l + "] = " + layer.activation() + "(Z[" + l + "])", layer.a());
        }
        out.println();
        unit(t, unitLayer, unit);

        out.println();
        out.println("LOSS  " + Formulas.loss(t.loss()) + ",  J = (1/m)·Σ_j L(a(j), y(j))");
        for (int j = 0; j < t.samplesCount(); j++) {
            out.printf(Locale.ROOT, "  column %d: a = %s, y = %s:  L = %s%n", j + 1, column(last.a(), j), column(t.y(), j),
                    number(t.sampleLosses()[j]));
        }
        out.printf("  J = %s   (the trainer's J of this iteration: %s)%n", number(t.evaluated()), number(t.cost()));

        out.println();
        out.println("BACKWARD PROPAGATION  from layer " + depth + " down to layer 1");
        double worst = 0;
        for (int l = depth; l >= 1; l--) {
            Trace.Layer layer = t.layer(l);
            out.println();
            if (l == depth && t.fused()) {
                matrix("dZ[" + l + "] = A[" + l + "] − Y", layer.dZ(), t.loss() + " fused with " + layer.activation()
                        + ": ∂L/∂Z[" + l + "] directly; uses the cache A[" + l + "] and Y");
            } else {
                if (l == depth) {
                    matrix("dA[" + l + "] = ∂L/∂A[" + l + "]", layer.dA(), "from " + t.loss() + "; uses the cache A[" + l + "] and Y");
                }
                matrix("dZ[" + l + "] = dA[" + l + "] ⊙ g'(Z[" + l + "])", layer.dZ(), Formulas.derivative(layer.activation())
                        + "; uses the cache Z[" + l + "]");
            }
            worst = Math.max(worst, gradientTable(layer));
            matrix("db[" + l + "] = (1/m)·Σ_columns dZ[" + l + "]", layer.db());
            if (l > 1) {
                matrix("dA[" + (l - 1) + "] = W[" + l + "]ᵀ·dZ[" + l + "]", t.layer(l - 1).dA(), "uses the cache W[" + l + "]");
            } else {
                out.println("dA[0] is not computed: X is not learned");
            }
        }
        out.printf(Locale.ROOT, "finite differences: (J(w + h) − J(w − h))/2h with h = %.0e, J evaluated by the trainer on the same X"
                + " and Y; largest |dW − finite difference| = %.1e%n", t.step(), worst);

        out.println();
        boolean sgd = t.optimizer().equals("sgd");
        out.printf("OPTIMIZER UPDATE  %s, α = %s%s%n", t.optimizer(), t.learningRate(),
                sgd ? ":  W[l] := W[l] − α·dW[l],  b[l] := b[l] − α·db[l]" : " (its own rule, from dW[l] and db[l])");
        for (Trace.Layer layer : t.layers()) {
            int l = layer.l();
            matrix("W[" + l + "] before", layer.w());
            matrix("W[" + l + "] after", layer.wAfter());
            matrix("b[" + l + "] after", layer.bAfter());
        }
    }

    /** z_k = Σ_i w_ki·a_i + b_k of one unit for the first column, with the trainer's Z beside it. */
    private void unit(Trace t, int l, int k) {
        Trace.Layer layer = t.layer(l);
        Matrix input = l == 1 ? t.x() : t.layer(l - 1).a();
        out.printf("unit %d of layer %d, column 1:  z_%d = Σ_i w_%di·a_i + b_%d  with w = row %d of W[%d], a = column 1 of A[%d]%n",
                k, l, k, k, k, k, l, l - 1);
        StringBuilder sum = new StringBuilder("  z_" + k + " =");
        double z = 0;
        for (int i = 0; i < input.rows(); i++) {
            double w = layer.w().get(k - 1, i);
            double a = input.get(i, 0);
            z += w * a;
            if (i > 0 && i % 4 == 0) {
                sum.append('\n').append(" ".repeat(String.valueOf(k).length() + 6));
            }
            sum.append(i == 0 ? " " : " + ").append('(').append(number(w)).append(")·(").append(number(a)).append(')');
        }
        double b = layer.b().get(k - 1, 0);
        z += b;
        out.println(sum.append(" + (").append(number(b)).append(')'));
        out.printf("      = %s   (the trainer's Z[%d] row %d, column 1: %s)%n", number(z), l, k, number(layer.z().get(k - 1, 0)));
        out.printf("  a_%d = %s(z_%d) = %s   (A[%d] row %d, column 1)%n", k, layer.activation(), k, number(layer.a().get(k - 1, 0)), l, k);
    }

    /** dW[l] one element a row, the central difference beside it; returns the largest difference. */
    private double gradientTable(Trace.Layer layer) {
        int l = layer.l();
        out.printf("dW[%d] = (1/m)·dZ[%d]·A[%d]ᵀ %s   uses the cache A[%d]; each element beside its finite difference%n",
                l, l, l - 1, layer.dW().shape(), l - 1);
        out.printf("  %3s %3s  %15s  %17s  %12s%n", "i", "j", "dW[" + l + "]_ij", "finite difference", "|difference|");
        double worst = 0;
        for (int i = 0; i < layer.dW().rows(); i++) {
            for (int j = 0; j < layer.dW().cols(); j++) {
                double analytic = layer.dW().get(i, j);
                double numeric = layer.numeric().get(i, j);
                double difference = Math.abs(analytic - numeric);
                worst = Math.max(worst, difference);
                out.printf(Locale.ROOT, "  %3d %3d  %15.10f  %17.10f  %12.1e%n", i + 1, j + 1, analytic, numeric, difference);
            }
        }
        return worst;
    }

    private void matrix(String title, Matrix m) {
        matrix(title, m, null);
    }

    /** A matrix under a line of its formula, its shape and, unless null, a note. */
    private void matrix(String title, Matrix m, String note) {
        out.println(title + " " + m.shape() + (note == null ? "" : "   " + note));
        for (int r = 0; r < m.rows(); r++) {
            StringBuilder row = new StringBuilder("  [");
            for (int c = 0; c < m.cols(); c++) {
                row.append(String.format(Locale.ROOT, " %10.6f", m.get(r, c)));
            }
            out.println(row.append(" ]"));
        }
    }

    private static String column(Matrix m, int j) {
        if (m.rows() == 1) {
            return number(m.get(0, j));
        }
        StringBuilder s = new StringBuilder("(");
        for (int r = 0; r < m.rows(); r++) {
            s.append(r == 0 ? "" : ", ").append(number(m.get(r, j)));
        }
        return s.append(')').toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
