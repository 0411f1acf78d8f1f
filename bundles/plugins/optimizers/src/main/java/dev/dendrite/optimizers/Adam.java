package dev.dendrite.optimizers;

import static dev.dendrite.optimizers.Hyperparameters.BETA1;
import static dev.dendrite.optimizers.Hyperparameters.BETA2;
import static dev.dendrite.optimizers.Hyperparameters.EPSILON;
import static java.util.Map.entry;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import org.osgi.service.component.annotations.Component;

/**
 * Adam (Kingma and Ba): bias-corrected moving averages of the gradient and its square,
 * θ ← θ − α·m̂/(√v̂ + ε); see {@link AdamUpdater}. Default α = 0.001; hyperparameters:
 * beta1 = 0.9 and beta2 = 0.999 in [0, 1), epsilon = 1e-8 &gt; 0.
 */
@Component(service = Optimizer.class, property = {
        "name=adam",
        "description=Adam, bias-corrected moving averages of g and g^2"})
public class Adam extends BaseOptimizer {

    public Adam() {
        super("adam", 0.001, Hyperparameters.ordered(entry(BETA1, 0.9), entry(BETA2, 0.999), entry(EPSILON, 1e-8)));
    }

    @Override
    Updater create(Hyperparameters h) {
        return AdamUpdater.from(h, 0);
    }
}
