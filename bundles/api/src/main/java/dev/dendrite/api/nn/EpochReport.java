package dev.dendrite.api.nn;

/**
 * The state of a run after one epoch. Costs are J on the whole split; the metric is accuracy for
 * classification and mean squared error for regression. Validation values are NaN when the run
 * has no validation split.
 *
 * @param epoch            1-based epoch number
 * @param iterations       updates done so far in the run
 * @param trainCost        J on the training split
 * @param trainMetric      the metric on the training split
 * @param validationCost   J on the validation split, or NaN
 * @param validationMetric the metric on the validation split, or NaN
 * @param metric           the metric's name: {@code accuracy} or {@code mse}
 * @param millis           wall time of the epoch's updates
 */
public record EpochReport(int epoch, long iterations, double trainCost, double trainMetric,
                          double validationCost, double validationMetric, String metric, long millis) {
}
