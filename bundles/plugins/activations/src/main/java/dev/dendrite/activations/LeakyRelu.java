package dev.dendrite.activations;

import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/**
 * The leaky rectified linear unit g(z) = z for z &gt; 0, else 0.01·z; g'(z) = 1 for z &gt; 0,
 * else 0.01. He initialization.
 */
@Component(service = Activation.class, property = {
        "name=leaky_relu",
        "description=leaky rectified linear unit, z for z > 0 else 0.01 z"})
public class LeakyRelu extends ElementWiseActivation {

    /** The slope for z ≤ 0. */
    static final double SLOPE = 0.01;

    @Override
    double value(double z) {
        return z > 0 ? z : SLOPE * z;
    }

    @Override
    double derivative(double z, double a) {
        return z > 0 ? 1 : SLOPE;
    }

    @Override
    public String initializer() {
        return "he";
    }
}
