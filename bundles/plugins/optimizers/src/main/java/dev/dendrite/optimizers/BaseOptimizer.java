package dev.dendrite.optimizers;

import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import java.util.Map;

/**
 * What every optimizer of the bundle shares: its default learning rate and hyperparameters, the
 * check of unknown keys, and a fresh updater per call.
 */
abstract class BaseOptimizer implements Optimizer {

    private final String name;
    private final double defaultLearningRate;
    private final Map<String, Double> defaults;

    /**
     * @param name                the {@code name} service property, for messages
     * @param defaultLearningRate α when the user gives none
     * @param defaults            every other hyperparameter with its default
     */
    BaseOptimizer(String name, double defaultLearningRate, Map<String, Double> defaults) {
        this.name = name;
        this.defaultLearningRate = defaultLearningRate;
        this.defaults = defaults;
    }

    @Override
    public final double defaultLearningRate() {
        return defaultLearningRate;
    }

    @Override
    public final Map<String, Double> defaults() {
        return defaults;
    }

    @Override
    public final Updater newUpdater(Map<String, Double> hyperparameters) {
        return create(new Hyperparameters(name, defaults, hyperparameters));
    }

    /** A new updater from validated hyperparameters (the learning rate comes with each update). */
    abstract Updater create(Hyperparameters h);
}
