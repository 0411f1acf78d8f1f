package dev.dendrite.activations;

import dev.dendrite.api.math.FloatMatrix;
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

    /** max(0, z) in float, a loop the compiler turns into vector instructions. */
    @Override
    public void forward(FloatMatrix z, FloatMatrix a) {
        z.requireSameShape(a, "activation forward");
        float[] zv = z.data();
        float[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = Math.max(zv[i], 0f);
        }
    }

    /** dZ = dA where z &gt; 0, else 0, in float. */
    @Override
    public void backward(FloatMatrix z, FloatMatrix a, FloatMatrix dA, FloatMatrix dZ) {
        z.requireSameShape(dA, "activation backward");
        z.requireSameShape(dZ, "activation backward");
        float[] zv = z.data();
        float[] up = dA.data();
        float[] out = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            out[i] = zv[i] > 0 ? up[i] : 0f;
        }
    }

    @Override
    public String initializer() {
        return "he";
    }
}
