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

    @Override
    public String initializer() {
        return "he";
    }
}
