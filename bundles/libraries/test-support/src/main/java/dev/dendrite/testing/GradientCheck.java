package dev.dendrite.testing;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;

/**
 * Checks analytic gradients against central finite differences.
 *
 * <p>For a scalar function f and each input element x_k, the numerical derivative is
 * n_k = (f(x + h·e_k) − f(x − h·e_k)) / (2h) with h = {@value #STEP}, and it is compared to the
 * analytic a_k with the relative error |a_k − n_k| / max(|a_k| + |n_k|, {@value #FLOOR}). Every
 * check returns the largest relative error over all elements: correct code on well-scaled inputs
 * (|z| of a few units, no kinks, no clipping) gives about 1e-9, so tests assert {@code < 1e-6}.
 * The checks never modify their arguments.
 */
public final class GradientCheck {

    /** The finite-difference step h. */
    public static final double STEP = 1e-5;

    /** The denominator floor of the relative error, so that two zeros compare as equal. */
    public static final double FLOOR = 1e-8;

    private GradientCheck() {
    }

    /** |a − n| / max(|a| + |n|, {@value #FLOOR}). */
    public static double relativeError(double analytic, double numerical) {
        return Math.abs(analytic - numerical) / Math.max(Math.abs(analytic) + Math.abs(numerical), FLOOR);
    }

    /**
     * Checks {@link Activation#backward} against the numerical gradient of f(Z) = Σ dA ⊙ g(Z),
     * whose gradient is dZ = dA ⊙ g'(Z) for element-wise functions and the Jacobian-vector
     * product J_g(Z)ᵀ·dA per column otherwise (softmax). The differences g(Z + h·e_k) − g(Z − h·e_k)
     * are taken element by element before weighting by dA, so elements that do not change add no
     * rounding error. Also checks that backward gives the same dZ when dZ is dA (in place), as
     * the contract allows.
     *
     * @param z  pre-activations Z
     * @param dA upstream gradient, same shape
     * @return the largest relative error
     */
    public static double activation(Activation g, Matrix z, Matrix dA) {
        z.requireSameShape(dA, "activation check");
        Matrix a = new Matrix(z.rows(), z.cols());
        g.forward(z, a);
        Matrix dZ = new Matrix(z.rows(), z.cols());
        g.backward(z, a, dA, dZ);
        Matrix inPlace = dA.copy();
        g.backward(z, a, inPlace, inPlace);

        Matrix shifted = z.copy();
        Matrix plus = new Matrix(z.rows(), z.cols());
        Matrix minus = new Matrix(z.rows(), z.cols());
        double[] s = shifted.data();
        double[] up = dA.data();
        double worst = 0;
        for (int k = 0; k < s.length; k++) {
            double original = s[k];
            s[k] = original + STEP;
            g.forward(shifted, plus);
            s[k] = original - STEP;
            g.forward(shifted, minus);
            s[k] = original;
            double sum = 0;
            for (int i = 0; i < up.length; i++) {
                sum += up[i] * (plus.data()[i] - minus.data()[i]);
            }
            worst = Math.max(worst, relativeError(dZ.data()[k], sum / (2 * STEP)));
            worst = Math.max(worst, relativeError(dZ.data()[k], inPlace.data()[k]));
        }
        return worst;
    }

    /**
     * Checks {@link Loss#gradient} (∂L/∂a per sample, not divided by m) against the numerical
     * gradient of m·J(A, Y) = Σ_samples L(a, y), with m the number of columns.
     *
     * @param a network outputs A, inside the loss's domain and away from its clipping bounds
     * @param y targets Y, same shape
     * @return the largest relative error
     */
    public static double loss(Loss loss, Matrix a, Matrix y) {
        a.requireSameShape(y, "loss check");
        Matrix dA = new Matrix(a.rows(), a.cols());
        loss.gradient(a, y, dA);
        return compare(dA, a, x -> a.cols() * loss.cost(x, y));
    }

    /**
     * Checks a loss fused with its output activation g: {@link Loss#fusedGradient}(g(Z), Y)
     * against the numerical gradient of m·{@link Loss#fusedCost}(Z, Y), and that
     * fusedCost(Z, Y) equals cost(g(Z), Y). Targets must be what the pair expects (for softmax
     * with categorical cross-entropy, columns summing to 1, e.g. one-hot).
     *
     * @param output the activation the loss fuses with
     * @param z      pre-activations Z[L], moderate enough that g(Z) is not clipped by the loss
     * @param y      targets Y, same shape
     * @return the largest relative error of the gradient elements and of the cost
     */
    public static double fusedLoss(Loss loss, Activation output, Matrix z, Matrix y) {
        z.requireSameShape(y, "fused loss check");
        Matrix a = new Matrix(z.rows(), z.cols());
        output.forward(z, a);
        Matrix dZ = new Matrix(z.rows(), z.cols());
        loss.fusedGradient(a, y, dZ);
        double gradientError = compare(dZ, z, x -> z.cols() * loss.fusedCost(x, y));
        return Math.max(gradientError, relativeError(loss.fusedCost(z, y), loss.cost(a, y)));
    }

    /** The largest relative error between {@code analytic} and the central differences of f at x. */
    private static double compare(Matrix analytic, Matrix x, ScalarFunction f) {
        Matrix shifted = x.copy();
        double[] s = shifted.data();
        double worst = 0;
        for (int k = 0; k < s.length; k++) {
            double original = s[k];
            s[k] = original + STEP;
            double plus = f.at(shifted);
            s[k] = original - STEP;
            double minus = f.at(shifted);
            s[k] = original;
            worst = Math.max(worst, relativeError(analytic.data()[k], (plus - minus) / (2 * STEP)));
        }
        return worst;
    }

    private interface ScalarFunction {
        double at(Matrix x);
    }
}
