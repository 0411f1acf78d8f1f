package dev.dendrite.uat;

import dev.dendrite.api.nn.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/** Reports built without training, for the picture and table tests. */
final class TestReports {

    private TestReports() {
    }

    /** Each width w "fits" the target up to a wiggle of amplitude 1/w. */
    static UatReport wiggly(Target target, List<Integer> widths) {
        Grid grid = Grid.of(target);
        double[] truth = grid.values(target);
        return report(target, widths, w -> k -> truth[k] + Math.sin(7 * grid.x(k) + grid.y(k)) / w);
    }

    /** Every width predicts {@code fit} at grid point k. */
    static UatReport withFit(Target target, int width, IntToDoubleFunction fit) {
        return report(target, List.of(width), w -> fit);
    }

    /** Settings of full-batch adam training, as the command builds them. */
    static UatSettings settings(Target target, List<Integer> widths, String activation, double lr, long iterations, int samples,
                                long seed) {
        return new UatSettings(target, widths, TrainingRequest.builder().activation(activation).optimizer("adam").learningRate(lr)
                .fullBatch().iterations(iterations).seed(seed).build(), samples);
    }

    private static UatReport report(Target target, List<Integer> widths,
                                    IntFunction<IntToDoubleFunction> fitOfWidth) {
        UatSettings settings = settings(target, widths, "tanh", 0.01, 10, 64, 1);
        Grid grid = Grid.of(target);
        double[] truth = grid.values(target);
        List<WidthResult> results = new ArrayList<>();
        for (int w : widths) {
            IntToDoubleFunction fit = fitOfWidth.apply(w);
            double[] predictions = new double[grid.size()];
            for (int k = 0; k < predictions.length; k++) {
                predictions[k] = fit.applyAsDouble(k);
            }
            results.add(WidthResult.of(w, 10L * w, truth, predictions));
        }
        return new UatReport(settings, grid, truth, results);
    }
}
