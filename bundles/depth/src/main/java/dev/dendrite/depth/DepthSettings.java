package dev.dendrite.depth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One depth study: networks of each depth in {@code depths} (hidden layers), matched to
 * {@code budget} parameters, trained on the same samples for the same epochs from each of
 * {@code seeds} seeds, and scored on a validation set of as many samples drawn apart.
 *
 * @param task       the generated task
 * @param budget     the parameter count every network is matched to (within 5 %)
 * @param depths     the numbers of hidden layers to compare, e.g. 1, 2, 3, 4
 * @param seeds      runs per depth, with seeds seed, seed + 1, …
 * @param epochs     passes over the training samples, the same for every network
 * @param activation the hidden-layer activation
 * @param optimizer  the optimizer
 * @param lr         its learning rate α
 * @param batch      mini-batch size
 * @param samples    training samples m (the validation set has as many)
 * @param seed       seeds the samples and the first run
 * @param threads    runs trained at the same time
 * @param backend    maths back-end name, or null for the highest ranked
 */
record DepthSettings(DepthTask task, long budget, List<Integer> depths, int seeds, int epochs, String activation, String optimizer,
                     double lr, int batch, int samples, long seed, int threads, String backend) {

    static final String DEFAULT_TASK = "spirals";
    static final long DEFAULT_BUDGET = 200;
    static final String DEFAULT_DEPTHS = "1,2,3,4";
    static final int DEFAULT_SEEDS = 10;
    static final int DEFAULT_EPOCHS = 500;
    static final String DEFAULT_ACTIVATION = "relu";
    static final String DEFAULT_OPTIMIZER = "adam";
    static final double DEFAULT_LR = 0.01;
    static final int DEFAULT_BATCH = 32;
    static final int DEFAULT_SAMPLES = 600;
    static final long DEFAULT_SEED = 42;
    /** The most hidden layers compared (the table and the text chart label depths with one digit). */
    static final int MAX_DEPTH = 9;

    DepthSettings {
        depths = List.copyOf(depths);
        if (depths.isEmpty() || depths.stream().anyMatch(d -> d < 1 || d > MAX_DEPTH) || depths.stream().distinct().count() < depths.size()) {
            throw new IllegalArgumentException("--depths must be distinct numbers of hidden layers from 1 to " + MAX_DEPTH + ", got " + depths);
        }
        positive("--params", budget);
        positive("--seeds", seeds);
        positive("--epochs", epochs);
        positive("--batch", batch);
        positive("--threads", threads);
        if (samples < 10) {
            throw new IllegalArgumentException("--samples must be at least 10, got " + samples);
        }
        if (!(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("--lr: learning rate must be positive, got " + lr);
        }
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }

    /** Comma-separated numbers of hidden layers, e.g. {@code 1,2,3,4}. */
    static List<Integer> parseDepths(String text) {
        try {
            return Arrays.stream(text.split(",", -1)).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--depths must be comma-separated numbers of hidden layers, e.g. 1,2,3,4; got '" + text + "'");
        }
    }

    /** One line on what was trained and how. */
    String describeTraining() {
        return String.format(Locale.ROOT, "%s hidden units, %s α = %s, batch %d, %d epochs, %d seeds; %d training and %d validation samples",
                activation, optimizer, lr, batch, epochs, seeds, samples, samples);
    }
}
