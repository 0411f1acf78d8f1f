package dev.dendrite.uat;

import java.util.ArrayList;
import java.util.List;

/**
 * One demo run: the target, the hidden widths to try and how each network is trained. Every
 * network has one hidden layer of {@code width} units with {@code activation}, a linear output
 * and the mse loss.
 *
 * @param target     the function to approximate
 * @param widths     n[1] for each network, in order
 * @param activation hidden activation plug-in name
 * @param optimizer  optimizer plug-in name
 * @param lr         learning rate α
 * @param batch      samples per iteration, 0 for full batch
 * @param epochs     passes over the samples (used when {@code iterations} is 0)
 * @param iterations gradient-descent updates per network, or 0 to train by epochs
 * @param samples    training samples m, spread over the domain
 * @param seed       seeds the samples and every network's initialization
 * @param backend    maths back-end name, or null for the highest-ranked
 */
public record UatSettings(Target target, List<Integer> widths, String activation, String optimizer, double lr,
                          int batch, int epochs, long iterations, int samples, long seed, String backend) {

    /** The widths tried when none are given: 1, 2, 4, …, 64. */
    public static final String DEFAULT_WIDTHS = "1,2,4,8,16,32,64";
    public static final String DEFAULT_OPTIMIZER = "adam";
    public static final long DEFAULT_SEED = 42;

    // Defaults by the number of variables, chosen by measurement (README.md, "Why these defaults"):
    // relu units make the sin error fall steadily with width; tanh units fit the smooth 2-D target
    // far better than relu within the time budget.
    public static final String ACTIVATION_1D = "relu";
    public static final double LR_1D = 0.005;
    public static final long ITERATIONS_1D = 10000;
    public static final int SAMPLES_1D = 128;
    public static final String ACTIVATION_2D = "tanh";
    public static final double LR_2D = 0.01;
    public static final long ITERATIONS_2D = 3000;
    public static final int SAMPLES_2D = 256;

    public UatSettings {
        widths = List.copyOf(widths);
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("the width list is empty; give hidden widths such as 1,4,16");
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("width must be positive, got " + w);
            }
        }
        if (!(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("batch size must be 0 (full batch) or positive, got " + batch);
        }
        if (iterations < 0 || (iterations == 0 && epochs <= 0)) {
            throw new IllegalArgumentException("give a positive number of epochs or iterations, got epochs " + epochs
                    + ", iterations " + iterations);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, got " + samples);
        }
    }

    /**
     * The defaults that depend on the number of variables of the target.
     *
     * @param activation hidden activation name
     * @param lr         learning rate
     * @param iterations full-batch iterations
     * @param samples    training samples
     */
    public record Defaults(String activation, double lr, long iterations, int samples) {

        /** The defaults for the number of variables of {@code target}. */
        public static Defaults of(Target target) {
            return target.dimensions() == 1
                    ? new Defaults(ACTIVATION_1D, LR_1D, ITERATIONS_1D, SAMPLES_1D)
                    : new Defaults(ACTIVATION_2D, LR_2D, ITERATIONS_2D, SAMPLES_2D);
        }
    }

    /** Every default for {@code target}: widths 1 … 64, full-batch adam, seed 42 and its {@link Defaults}. */
    public static UatSettings defaults(Target target) {
        Defaults d = Defaults.of(target);
        return new UatSettings(target, parseWidths(DEFAULT_WIDTHS), d.activation(), DEFAULT_OPTIMIZER, d.lr(), 0, 0,
                d.iterations(), d.samples(), DEFAULT_SEED, null);
    }

    /**
     * Parses a comma-separated width list such as {@code 1,2,4}; blank text gives an empty list
     * (which the constructor rejects, as it rejects widths ≤ 0).
     *
     * @throws IllegalArgumentException for an item that is not an integer
     */
    public static List<Integer> parseWidths(String text) {
        List<Integer> widths = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",", -1)) {
                String p = part.strip();
                try {
                    widths.add(Integer.parseInt(p));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("width '" + p + "' in '" + text + "' is not an integer");
                }
            }
        }
        return widths;
    }

    /** E.g. {@code relu hidden units, linear output, mse, adam lr 0.005, 10000 iterations, full batch, …}. */
    public String describeTraining() {
        String length = iterations > 0 ? iterations + " iterations" : epochs + " epochs";
        String batching = batch == 0 ? "full batch" : "batch " + batch;
        return activation + " hidden units, linear output, mse, " + optimizer + " lr " + lr + ", " + length + ", "
                + batching + ", " + samples + " samples, seed " + seed + (backend == null ? "" : ", backend " + backend);
    }
}
