package dev.dendrite.activations;

import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/** The identity g(z) = z, g'(z) = 1: the output activation of regression networks. */
@Component(service = Activation.class, property = {
        "name=linear",
        "description=identity z, regression output layers"})
public class Linear extends ElementWiseActivation {

    @Override
    double value(double z) {
        return z;
    }

    @Override
    double derivative(double z, double a) {
        return 1;
    }
}
