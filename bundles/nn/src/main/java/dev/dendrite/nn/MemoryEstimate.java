package dev.dendrite.nn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The heap a training run needs, estimated from its shape before anything is allocated, so that a
 * network too big for the heap is refused in one line instead of ending in "Java heap space".
 *
 * <p>For n[0] inputs, hidden widths n[1] … n[L-1] and n[L] outputs, the network has
 * P = Σ n[l]·(n[l-1] + 1) parameters. The trainer holds 3·P doubles: the weights, their gradients
 * and the last completed epoch's copy, and with early stopping a fourth P, the best epoch's copy.
 * The optimizer's state is its plug-in's and not counted (Adam's would add 2·P), so the estimate
 * errs low: it refuses only runs that cannot fit. The trainer holds workspaces of
 * Σ n[l] rows: A, Z, dA, dZ (and with dropout the mask and the dropped A) of a batch's b columns for
 * training, and A, Z, dA, dZ of at most {@link Evaluation#CHUNK} columns for evaluation.
 */
final class MemoryEstimate {
    private static final double GB = 1L << 30;

    private MemoryEstimate() {
    }

    /**
     * @param batch         the batch's columns b
     * @param samples       the training samples m (evaluation takes min(m, CHUNK) columns at a time)
     * @param earlyStopping whether the best epoch's weights are kept
     * @return the estimate in bytes
     */
    static double bytes(int inputs, List<Integer> hidden, int outputs, int batch, int samples, boolean dropout,
            boolean earlyStopping) {
        double parameters = 0;
        double rows = 0;
        int previous = inputs;
        for (int n : hidden) {
            parameters += (double) n * (previous + 1);
            rows += n;
            previous = n;
        }
        parameters += (double) outputs * (previous + 1);
        rows += outputs;
        double workspaces = (dropout ? 6 : 4) * rows * batch + 4 * rows * Math.min(samples, Evaluation.CHUNK)
                + (double) (inputs + outputs) * batch;
        return Double.BYTES * ((earlyStopping ? 4 : 3) * parameters + workspaces);
    }

    /**
     * @param heap the most the heap can grow to, in bytes
     * @throws IllegalArgumentException when the run needs more than {@code heap}; the message gives
     *                                  both figures and the option that raises the heap
     */
    static void check(int inputs, List<Integer> hidden, int outputs, int batch, int samples, boolean dropout,
            boolean earlyStopping, long heap) {
        double needed = bytes(inputs, hidden, outputs, batch, samples, dropout, earlyStopping);
        if (needed > heap) {
            String layers = hidden.isEmpty() ? "none" : hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--layers %s needs about %s for weights and workspaces; the heap is %s (set DENDRITE_OPTS=-Xmx%dg)",
                    layers, size(needed), size(heap), (long) Math.ceil(needed / GB) + 1));
        }
    }

    private static String size(double bytes) {
        return bytes >= GB / 10 ? String.format(Locale.ROOT, "%.1f GB", bytes / GB)
                : String.format(Locale.ROOT, "%d MB", Math.round(bytes / (1 << 20)));
    }
}
