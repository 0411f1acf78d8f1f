package dev.dendrite.activations;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/** The rectified linear unit g(z) = max(0, z), g'(z) = 1 for z &gt; 0, else 0. He initialization. */
@Component(service = Activation.class, property = {
        "name=relu",
        "description=rectified linear unit max(0, z)"})
public class Relu extends ElementWiseActivation {

    @Override
    double value(double z) {
        return z > 0 ? z : 0;
    }

    @Override
    double derivative(double z, double a) {
        return z > 0 ? 1 : 0;
    }

    /** max(0, z), a loop the compiler turns into vector instructions. */
    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a, "activation forward");
        double[] zv = z.data();
        double[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = Math.max(zv[i], 0.0);
        }
    }

    /**
     * dZ = dA where z &gt; 0, else 0: dA·signum(a) with the cached a = max(0, z) ≥ 0, which the
     * compiler runs on vectors (a branch on the sign of z is mispredicted half the time).
     */
    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        a.requireSameShape(dA, "activation backward");
        a.requireSameShape(dZ, "activation backward");
        double[] av = a.data();
        double[] up = dA.data();
        double[] out = dZ.data();
        for (int i = 0; i < av.length; i++) {
            out[i] = up[i] * Math.signum(av[i]);
        }
    }

    /** The same in float. */
    @Override
    public void forward(FloatMatrix z, FloatMatrix a) {
        z.requireSameShape(a, "activation forward");
        float[] zv = z.data();
        float[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = Math.max(zv[i], 0f);
        }
    }

    /** The same in float. */
    @Override
    public void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
        a.requireSameShape(dA, "activation backward");
        a.requireSameShape(dZ, "activation backward");
        float[] av = a.data();
        float[] up = dA.data();
        float[] out = dZ.data();
        for (int i = 0; i < av.length; i++) {
            out[i] = up[i] * Math.signum(av[i]);
        }
    }

    @Override
    public String initializer() {
        return "he";
    }
}
