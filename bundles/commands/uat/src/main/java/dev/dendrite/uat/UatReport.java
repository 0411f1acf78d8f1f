package dev.dendrite.uat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a demo run: the grid, the target's values on it and one result per width, in
 * the order the widths were given.
 */
public record UatReport(UatSettings settings, Grid grid, double[] target, List<WidthResult> results) {

    public UatReport {
        results = List.copyOf(results);
    }

    /**
     * Up to {@code count} results spread evenly over the list, first and last included: for
     * widths 1, 2, 4, …, 64 and count 4 they are 1, 4, 16, 64.
     */
    public List<WidthResult> spread(int count) {
        int n = results.size();
        if (n <= count) {
            return results;
        }
        List<WidthResult> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(results.get((int) Math.round(i * (n - 1) / (double) (count - 1))));
        }
        return picked;
    }

    /** The result with the lowest RMS error. */
    public WidthResult best() {
        return results.stream().min(Comparator.comparingDouble(WidthResult::rmsError)).orElseThrow();
    }
}
