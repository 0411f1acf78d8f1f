package dev.dendrite.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * What to trace: a network given by hidden widths (or a saved model), the plug-ins and the
 * optimizer's rate, the samples (generated, or the first ones of a data source) and the unit whose
 * z is written out.
 *
 * @param layers     hidden widths n[1] … n[L-1], or null to trace the saved {@code model}
 * @param activation hidden activation name
 * @param output     output activation name, or null for the task's default
 * @param loss       loss name, or null for the task's default
 * @param optimizer  optimizer name
 * @param lr         learning rate α, or NaN for the optimizer's default
 * @param seed       seeds the initial weights, the shuffle and generated samples
 * @param samples    m, from 1 to {@link #MAX_SAMPLES}
 * @param data       a data source (built-in name or file), or null for generated samples (or, with
 *                   a model, the data the model was trained on)
 * @param model      a saved model's name, or null
 * @param unitLayer  l of the unit whose z is expanded
 * @param unit       k of that unit, 1-based
 * @param backend    maths back-end name, or null
 */
record TraceRequest(List<Integer> layers, String activation, String output, String loss, String optimizer, double lr,
                    long seed, int samples, String data, String model, int unitLayer, int unit, String backend) {

    /** At most this many samples (columns) are printed. */
    static final int MAX_SAMPLES = 4;
    /** At most this many layers L are printed. */
    static final int MAX_LAYERS = 4;
    /** At most this many units in any layer, n[0] included, are printed. */
    static final int MAX_UNITS = 16;
    /** The course's network: n[0] = 4 inputs, hidden layers of 4 and 2 units, one sigmoid output. */
    static final String DEFAULT_LAYERS = "4,2";
    static final String DEFAULT_ACTIVATION = "tanh";
    static final String DEFAULT_OPTIMIZER = "sgd";
    static final int DEFAULT_SAMPLES = 2;
    static final long DEFAULT_SEED = 42;

    TraceRequest {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("ml:trace prints 1 to " + MAX_SAMPLES + " samples, got --samples " + samples);
        }
        if (layers != null) {
            layers = List.copyOf(layers);
            if (layers.size() + 1 > MAX_LAYERS) {
                throw new IllegalArgumentException("a network of " + (layers.size() + 1) + " layers is too large to print:"
                        + " ml:trace prints at most " + MAX_LAYERS + " layers (" + (MAX_LAYERS - 1) + " hidden)");
            }
            for (int width : layers) {
                checkWidth("a hidden layer", width);
            }
        }
        if (unitLayer < 1 || unit < 1) {
            throw new IllegalArgumentException("--unit must be l,k with layer l >= 1 and unit k >= 1, got " + unitLayer + "," + unit);
        }
        if (!(Double.isNaN(lr) || lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("--lr: learning rate must be positive, got " + lr);
        }
    }

    /** Rejects a layer of more than {@link #MAX_UNITS} units ({@code what} names it). */
    static void checkWidth(String what, int units) {
        if (units > MAX_UNITS) {
            throw new IllegalArgumentException(what + " of " + units + " units is too large to print: ml:trace prints at most "
                    + MAX_UNITS + " units per layer");
        }
    }

    /** Comma-separated positive widths, e.g. {@code 4,2}; {@code none} for no hidden layer. */
    static List<Integer> parseWidths(String text) {
        List<Integer> widths = new ArrayList<>();
        if (text.strip().equalsIgnoreCase("none")) {
            return widths;
        }
        for (String part : text.split(",", -1)) {
            widths.add(positive("--layers", part));
        }
        return widths;
    }

    /** {@code l,k}: layer and unit, both from 1. */
    static int[] parseUnit(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--unit must be l,k (layer, unit from 1), e.g. 1,1; got '" + text + "'");
        }
        return new int[] {positive("--unit", parts[0]), positive("--unit", parts[1])};
    }

    private static int positive(String option, String part) {
        try {
            int v = Integer.parseInt(part.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": '" + part.strip() + "' is not a positive integer");
    }
}
