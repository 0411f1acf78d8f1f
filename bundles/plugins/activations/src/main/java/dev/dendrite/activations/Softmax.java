package dev.dendrite.activations;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.FloatActivation;
import org.osgi.service.component.annotations.Component;

/**
 * The softmax of each column (sample): a_i = e^(z_i − max z) / Σ_k e^(z_k − max z).
 * Subtracting the column maximum leaves the result unchanged and keeps every exponent ≤ 0, so
 * nothing overflows. Its Jacobian is J_ik = a_i·(δ_ik − a_k), so backward computes, per column,
 * dZ_i = a_i·(dA_i − Σ_k a_k·dA_k). In single precision each column's sums are taken in double.
 */
@Component(service = Activation.class, property = {
        "name=softmax",
        "description=softmax of each column, a probability distribution; multi-class output layers"})
public class Softmax implements FloatActivation {

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a, "softmax forward");
        int m = z.cols();
        double[] zv = z.data();
        double[] av = a.data();
        for (int j = 0; j < m; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = j; i < zv.length; i += m) {
                max = Math.max(max, zv[i]);
            }
            double sum = 0;
            for (int i = j; i < zv.length; i += m) {
                av[i] = Math.exp(zv[i] - max);
                sum += av[i];
            }
            for (int i = j; i < av.length; i += m) {
                av[i] /= sum;
            }
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        z.requireSameShape(a, "softmax backward");
        z.requireSameShape(dA, "softmax backward");
        z.requireSameShape(dZ, "softmax backward");
        int m = z.cols();
        double[] av = a.data();
        double[] up = dA.data();
        double[] out = dZ.data();
        for (int j = 0; j < m; j++) {
            double dot = 0;
            for (int i = j; i < av.length; i += m) {
                dot += av[i] * up[i];
            }
            for (int i = j; i < av.length; i += m) {
                out[i] = av[i] * (up[i] - dot);
            }
        }
    }

    @Override
    public void forward(FloatMatrix z, FloatMatrix a) {
        z.requireSameShape(a, "softmax forward");
        int m = z.cols();
        float[] zv = z.data();
        float[] av = a.data();
        for (int j = 0; j < m; j++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = j; i < zv.length; i += m) {
                max = Math.max(max, zv[i]);
            }
            double sum = 0;
            for (int i = j; i < zv.length; i += m) {
                float e = (float) Math.exp(zv[i] - max);
                av[i] = e;
                sum += e;
            }
            float scale = (float) (1 / sum);
            for (int i = j; i < av.length; i += m) {
                av[i] *= scale;
            }
        }
    }

    @Override
    public void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
        z.requireSameShape(a, "softmax backward");
        z.requireSameShape(dA, "softmax backward");
        z.requireSameShape(dZ, "softmax backward");
        int m = z.cols();
        float[] av = a.data();
        float[] up = dA.data();
        float[] out = dZ.data();
        for (int j = 0; j < m; j++) {
            double dot = 0;
            for (int i = j; i < av.length; i += m) {
                dot += av[i] * up[i];
            }
            for (int i = j; i < av.length; i += m) {
                out[i] = (float) (av[i] * (up[i] - dot));
            }
        }
    }
}
