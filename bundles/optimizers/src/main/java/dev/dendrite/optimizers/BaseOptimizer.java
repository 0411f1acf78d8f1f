package dev.dendrite.optimizers;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import java.util.Map;

/**
 * What every optimizer of the bundle shares: its defaults, the check of the learning rate and
 * of unknown keys, and a fresh updater per call.
 */
abstract class BaseOptimizer implements Optimizer {

    private final String name;
    private final Map<String, Double> defaults;

    /**
     * @param name     the {@code name} service property, for messages
     * @param defaults every hyperparameter with its default, {@code lr} first
     */
    BaseOptimizer(String name, Map<String, Double> defaults) {
        this.name = name;
        this.defaults = defaults;
    }

    @Override
    public final Map<String, Double> defaults() {
        return defaults;
    }

    @Override
    public final Updater newUpdater(Map<String, Double> hyperparameters) {
        Hyperparameters h = new Hyperparameters(name, defaults, hyperparameters);
        h.positive(Hyperparameters.LR);
        return create(h);
    }

    /** A new updater from validated hyperparameters (the learning rate comes with each update). */
    abstract Updater create(Hyperparameters h);
}
