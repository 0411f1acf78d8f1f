package dev.dendrite.activations;

import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/**
 * The logistic sigmoid σ(z) = 1/(1 + e^−z), σ'(z) = σ(z)·(1 − σ(z)). Evaluated as
 * 1/(1 + e^−z) for z ≥ 0 and e^z/(1 + e^z) for z &lt; 0, so the exponent is never positive
 * and nothing overflows for large |z|.
 */
@Component(service = Activation.class, property = {
        "name=sigmoid",
        "description=logistic sigmoid 1/(1+exp(-z)), output in (0, 1); binary output layers"})
public class Sigmoid extends ElementWiseActivation {

    @Override
    double value(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    @Override
    double derivative(double z, double a) {
        return a * (1 - a);
    }
}
