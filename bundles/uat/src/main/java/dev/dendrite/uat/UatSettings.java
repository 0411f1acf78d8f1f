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
 * @param samples    training samples m, drawn uniformly from the domain
 * @param seed       seeds the samples and every network's initialization
 * @param backend    maths back-end name, or null for the highest-ranked
 */
public record UatSettings(Target target, List<Integer> widths, String activation, String optimizer, double lr,
                          int batch, int epochs, long iterations, int samples, long seed, String backend) {

    /** The widths tried when none are given: 1, 2, 4, …, 64. */
    public static final String DEFAULT_WIDTHS = "1,2,4,8,16,32,64";
    public static final String DEFAULT_ACTIVATION = "tanh";
    public static final String DEFAULT_OPTIMIZER = "adam";
    public static final double DEFAULT_LR = 0.01;
    public static final long DEFAULT_ITERATIONS = 3000;
    /** Default m for a function of one variable. */
    public static final int DEFAULT_SAMPLES_1D = 256;
    /** Default m for a function of two variables. */
    public static final int DEFAULT_SAMPLES_2D = 1024;
    public static final long DEFAULT_SEED = 42;

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

    /** The defaults for {@code target}: full-batch adam, lr 0.01, 3000 iterations, seed 42. */
    public static UatSettings defaults(Target target) {
        return new UatSettings(target, parseWidths(DEFAULT_WIDTHS), DEFAULT_ACTIVATION, DEFAULT_OPTIMIZER,
                DEFAULT_LR, 0, 0, DEFAULT_ITERATIONS, defaultSamples(target), DEFAULT_SEED, null);
    }

    /** The default number of training samples for a target of its dimension. */
    public static int defaultSamples(Target target) {
        return target.dimensions() == 1 ? DEFAULT_SAMPLES_1D : DEFAULT_SAMPLES_2D;
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

    /** E.g. {@code adam lr 0.01, 3000 iterations, full batch}. */
    public String describeTraining() {
        String length = iterations > 0 ? iterations + " iterations" : epochs + " epochs";
        String batching = batch == 0 ? "full batch" : "batch " + batch;
        return activation + " hidden units, linear output, mse, " + optimizer + " lr " + lr + ", " + length + ", "
                + batching + ", " + samples + " samples, seed " + seed + (backend == null ? "" : ", backend " + backend);
    }
}
