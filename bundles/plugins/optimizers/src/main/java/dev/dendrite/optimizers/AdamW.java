package dev.dendrite.optimizers;

import static dev.dendrite.optimizers.Hyperparameters.BETA1;
import static dev.dendrite.optimizers.Hyperparameters.BETA2;
import static dev.dendrite.optimizers.Hyperparameters.EPSILON;
import static dev.dendrite.optimizers.Hyperparameters.WEIGHT_DECAY;
import static java.util.Map.entry;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import org.osgi.service.component.annotations.Component;

/**
 * AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, θ ← θ − α·λ·θ alongside the
 * Adam step; see {@link AdamUpdater}. Hyperparameters: as {@link Adam} plus
 * weight_decay λ = 0.01 ≥ 0.
 */
@Component(service = Optimizer.class, property = {
        "name=adamw",
        "description=Adam with decoupled weight decay, theta -= lr * weight_decay * theta"})
public class AdamW extends BaseOptimizer {

    public AdamW() {
        super("adamw", 0.001, Hyperparameters.ordered(entry(BETA1, 0.9), entry(BETA2, 0.999), entry(EPSILON, 1e-8),
                entry(WEIGHT_DECAY, 0.01)));
    }

    @Override
    Updater create(Hyperparameters h) {
        return AdamUpdater.from(h, h.nonNegative(WEIGHT_DECAY));
    }
}
