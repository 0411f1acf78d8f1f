package dev.dendrite.depth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fully connected network n[0] → hidden widths → n[L]. It has Σ_l (n[l-1] + 1)·n[l]
 * parameters, and forward propagation of one sample costs Σ_l (2·n[l-1] + 1)·n[l] floating-point
 * operations: a multiply and an add per weight, an add per bias (activations not counted).
 *
 * @param inputs  n[0]
 * @param hidden  n[1] … n[L-1]
 * @param outputs n[L]
 */
record Architecture(int inputs, List<Integer> hidden, int outputs) {

    /** How far from the budget a matched network may be, relative to it. */
    static final double TOLERANCE = 0.05;

    Architecture {
        hidden = List.copyOf(hidden);
    }

    long parameters() {
        long total = 0;
        int previous = inputs;
        for (int width : hidden) {
            total += (long) (previous + 1) * width;
            previous = width;
        }
        return total + (long) (previous + 1) * outputs;
    }

    long flopsPerSample() {
        long total = 0;
        int previous = inputs;
        for (int width : hidden) {
            total += (2L * previous + 1) * width;
            previous = width;
        }
        return total + (2L * previous + 1) * outputs;
    }

    /** The hidden widths as {@code 9,9,8}. */
    String widths() {
        return hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Networks of the given depths with equal parameter counts: each within 5 % of {@code budget}
     * and the largest within 5 % of the smallest. Each depth takes uniform widths (every hidden
     * layer of one width) when they come within 5 % of the budget, else the closest network with
     * only the last hidden layer narrower, between half and all of the others' width; when these
     * together are not within 5 % of each other, every depth takes the closest network.
     *
     * @throws IllegalArgumentException when no such networks exist for this budget
     */
    static List<Architecture> matching(List<Integer> depths, long budget, int inputs, int outputs) {
        List<Architecture> closest = depths.stream().map(d -> closest(d, budget, inputs, outputs, false)).toList();
        List<Architecture> preferred = new ArrayList<>();
        for (int i = 0; i < depths.size(); i++) {
            Architecture uniform = closest(depths.get(i), budget, inputs, outputs, true);
            preferred.add(distance(uniform, budget) <= TOLERANCE * budget ? uniform : closest.get(i));
        }
        if (matched(preferred, budget)) {
            return List.copyOf(preferred);
        }
        if (matched(closest, budget)) {
            return closest;
        }
        throw new IllegalArgumentException("no networks of " + depths.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " hidden layers have " + budget + " parameters within 5 % (closest: " + closest.stream()
                .map(a -> a.widths() + " with " + a.parameters()).collect(Collectors.joining(", ")) + "); choose another --params");
    }

    /** Whether every network is within 5 % of the budget and the largest within 5 % of the smallest. */
    static boolean matched(List<Architecture> networks, long budget) {
        long min = networks.stream().mapToLong(Architecture::parameters).min().orElseThrow();
        long max = networks.stream().mapToLong(Architecture::parameters).max().orElseThrow();
        return networks.stream().allMatch(a -> distance(a, budget) <= TOLERANCE * budget) && max <= (1 + TOLERANCE) * min;
    }

    /**
     * The network of {@code depth} hidden layers closest to {@code budget} parameters: all hidden
     * layers of one width w, or, unless {@code uniform}, the last one narrower (from w down to half
     * of w).
     */
    static Architecture closest(int depth, long budget, int inputs, int outputs, boolean uniform) {
        if (depth < 1) {
            throw new IllegalArgumentException("a network needs at least 1 hidden layer, got " + depth);
        }
        Architecture best = null;
        for (int w = 1; best == null || smallest(depth, w, inputs, outputs, uniform) - budget < distance(best, budget); w++) {
            for (int v = w; v >= lastWidthFrom(depth, w, uniform); v--) {
                Architecture a = new Architecture(inputs, widths(depth, w, v), outputs);
                if (best == null || distance(a, budget) < distance(best, budget)) {
                    best = a;
                }
            }
        }
        return best;
    }

    /** The narrowest last hidden layer tried with width w: w itself, or half of it. */
    private static int lastWidthFrom(int depth, int w, boolean uniform) {
        return depth == 1 || uniform ? w : (w + 1) / 2;
    }

    /** The parameters of the smallest network tried at width w; they grow with w. */
    private static long smallest(int depth, int w, int inputs, int outputs, boolean uniform) {
        return new Architecture(inputs, widths(depth, w, lastWidthFrom(depth, w, uniform)), outputs).parameters();
    }

    private static long distance(Architecture a, long budget) {
        return Math.abs(a.parameters() - budget);
    }

    private static List<Integer> widths(int depth, int w, int v) {
        Integer[] widths = new Integer[depth];
        Arrays.fill(widths, w);
        widths[depth - 1] = v;
        return List.of(widths);
    }
}
