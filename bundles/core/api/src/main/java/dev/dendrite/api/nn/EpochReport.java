package dev.dendrite.api.nn;

/**
 * The state of a run after one epoch: metrics on the training split and, when the run has one, on
 * the validation split. The headline metric is {@code accuracy} for classification and
 * {@code mse} for regression.
 *
 * @param epoch        1-based epoch number
 * @param iterations   updates done so far in the run
 * @param learningRate α used in this epoch (after any schedule)
 * @param train        metrics on the training split
 * @param validation   metrics on the validation split, or null
 * @param metric       the headline metric's name
 * @param millis       wall time of the epoch's updates
 */
public record EpochReport(int epoch, long iterations, double learningRate, Metrics train, Metrics validation,
                          String metric, long millis) {

    public double trainCost() {
        return train.cost();
    }

    public double trainMetric() {
        return train.get(metric);
    }

    /** J on the validation split, or NaN. */
    public double validationCost() {
        return validation == null ? Double.NaN : validation.cost();
    }

    /** The headline metric on the validation split, or NaN. */
    public double validationMetric() {
        return validation == null ? Double.NaN : validation.get(metric);
    }

    /**
     * A monitored quantity: {@code loss}, a metric name, or either prefixed with {@code val_} for
     * the validation split. NaN when not available.
     */
    public double monitored(String name) {
        boolean val = name.startsWith("val_");
        Metrics m = val ? validation : train;
        String key = val ? name.substring(4) : name;
        if (m == null) {
            return Double.NaN;
        }
        return key.equals("loss") ? m.cost() : m.get(key);
    }
}
