package dev.dendrite.uat;

/**
 * How well a one-hidden-layer network of {@code width} units fits the target on the test grid:
 * max error = max_k |f(p_k) − f̂(p_k)|, RMS error = sqrt((1/K)·Σ_k (f(p_k) − f̂(p_k))²).
 *
 * @param width       n[1], the hidden units
 * @param rmsError    RMS error on the grid
 * @param maxError    max error on the grid
 * @param millis      wall time of the training
 * @param predictions f̂ at every grid point, in grid order
 */
public record WidthResult(int width, double rmsError, double maxError, long millis, double[] predictions) {

    /** Compares predictions with the target values on the same grid. */
    public static WidthResult of(int width, long millis, double[] target, double[] predictions) {
        double max = 0;
        double sum = 0;
        for (int k = 0; k < target.length; k++) {
            double d = Math.abs(target[k] - predictions[k]);
            max = Math.max(max, d);
            sum += d * d;
        }
        return new WidthResult(width, Math.sqrt(sum / target.length), max, millis, predictions);
    }
}
