package dev.dendrite.options;

import java.util.List;
import java.util.Locale;

/**
 * The heap a training run needs, estimated from its shape before anything is allocated, so that a
 * network too big for the heap is refused in one line instead of ending in "Java heap space".
 *
 * <p>For layer widths n[0] … n[L] the network has P = Σ n[l]·(n[l-1] + 1) parameters. The trainer
 * holds 4·P doubles at its peak: the weights, their gradients, the last completed epoch's copy and
 * the model it hands back (or, at the start, the initial weights the network copies), and with
 * early stopping a fifth P, the best epoch's copy. The optimizer's state is its plug-in's and not
 * counted (Adam's would add 2·P), so the estimate errs low: it refuses only runs that cannot fit.
 * The trainer also holds workspaces of Σ n[l] rows (l ≥ 1): A, Z, dA, dZ (and with dropout the mask
 * and the dropped A) of a batch's b columns for training, and A, Z, dA, dZ of the columns it
 * evaluates at a time; and the input and output of a batch.
 */
public final class TrainingMemory {
    private static final double GB = 1L << 30;

    private TrainingMemory() {
    }

    /**
     * The bytes of the weights, gradients, kept copy and saved model of {@code parameters}
     * parameters (4·P doubles), the least a run of them needs.
     */
    public static double parameterBytes(long parameters) {
        return 4.0 * Double.BYTES * parameters;
    }

    /**
     * @param widths            n[0] … n[L]: the inputs, the hidden widths and the outputs
     * @param batch             the batch's columns b
     * @param evaluationColumns the columns evaluated at a time
     * @param earlyStopping     whether the best epoch's weights are kept
     * @return the estimate in bytes
     */
    public static double bytes(List<Integer> widths, int batch, int evaluationColumns, boolean dropout, boolean earlyStopping) {
        double parameters = 0;
        double rows = 0;
        for (int l = 1; l < widths.size(); l++) {
            parameters += (double) widths.get(l) * (widths.get(l - 1) + 1);
            rows += widths.get(l);
        }
        double workspaces = (dropout ? 6 : 4) * rows * batch + 4 * rows * evaluationColumns
                + (double) (widths.get(0) + widths.get(widths.size() - 1)) * batch;
        return Double.BYTES * ((earlyStopping ? 5 : 4) * parameters + workspaces);
    }

    /**
     * @param what   what needs the memory, as the user gave it (e.g. {@code --layers 10000,10000})
     * @param needed the estimate in bytes
     * @param heap   the most the heap can grow to, in bytes
     * @throws IllegalArgumentException when {@code needed} is more than {@code heap}; the message
     *                                  gives both figures and the setting that raises the heap
     */
    public static void check(String what, double needed, long heap) {
        if (needed > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs about %s for weights and workspaces; the heap is %s (set DENDRITE_OPTS=-Xmx%dg)",
                    what, size(needed), size(heap), (long) Math.ceil(needed / GB) + 1));
        }
    }

    private static String size(double bytes) {
        return bytes >= GB / 10 ? String.format(Locale.ROOT, "%.1f GB", bytes / GB)
                : String.format(Locale.ROOT, "%d MB", Math.round(bytes / (1 << 20)));
    }
}
