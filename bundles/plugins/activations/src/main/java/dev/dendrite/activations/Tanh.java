package dev.dendrite.activations;

import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/** The hyperbolic tangent g(z) = tanh(z), g'(z) = 1 − tanh²(z). */
@Component(service = Activation.class, property = {
        "name=tanh",
        "description=hyperbolic tangent, output in (-1, 1), zero-centred"})
public class Tanh extends ElementWiseActivation {

    @Override
    double value(double z) {
        return Math.tanh(z);
    }

    @Override
    double derivative(double z, double a) {
        return 1 - a * a;
    }
}
