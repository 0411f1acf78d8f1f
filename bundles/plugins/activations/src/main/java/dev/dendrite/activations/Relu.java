package dev.dendrite.activations;

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
    public void forward(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = Math.max(z[i], 0.0);
        }
    }

    /**
     * dZ = dA where z &gt; 0, else 0: dA·signum(a) with the cached a = max(0, z) ≥ 0, which the
     * compiler runs on vectors (a branch on the sign of z is mispredicted half the time).
     */
    @Override
    public void backward(double[] z, double[] a, double[] dA, double[] dZ, int from, int to) {
        for (int i = from; i < to; i++) {
            dZ[i] = dA[i] * Math.signum(a[i]);
        }
    }

    /** The same in float. */
    @Override
    public void forward(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = Math.max(z[i], 0f);
        }
    }

    /** The same in float. */
    @Override
    public void backward(float[] z, float[] a, float[] dA, float[] dZ, int from, int to) {
        for (int i = from; i < to; i++) {
            dZ[i] = dA[i] * Math.signum(a[i]);
        }
    }

    @Override
    public String initializer() {
        return "he";
    }
}
